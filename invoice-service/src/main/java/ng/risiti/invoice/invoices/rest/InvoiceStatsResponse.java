package ng.risiti.invoice.invoices.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import ng.risiti.invoice.invoices.domain.InvoiceStats;

/**
 * GET /invoices/stats as the API reference shows it, every amount with its {@code _kobo} twin; {@code counts} has every
 * status, zeros included; {@code overdue_count}, {@code this_month.month} and {@code as_of} (today in Lagos, the day
 * "overdue" and "this month" were judged by) are ours.
 */
public record InvoiceStatsResponse(String totalInvoiced, long totalInvoicedKobo, String totalOutstanding, long totalOutstandingKobo,
        String totalOverdue, long totalOverdueKobo, long overdueCount, Map<String, Long> counts, ThisMonth thisMonth, LocalDate asOf) {

    public record ThisMonth(String month, String invoiced, long invoicedKobo, String collected, long collectedKobo, long invoicesCount) {
    }

    public static InvoiceStatsResponse of(InvoiceStats stats) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stats.counts().forEach((status, count) -> counts.put(status.wireName(), count));
        return new InvoiceStatsResponse(stats.invoiced().toNairaString(), stats.invoiced().value(),
                stats.outstanding().toNairaString(), stats.outstanding().value(),
                stats.overdue().toNairaString(), stats.overdue().value(), stats.overdueCount(), counts,
                new ThisMonth(stats.month().toString(), stats.monthInvoiced().toNairaString(), stats.monthInvoiced().value(),
                        stats.monthCollected().toNairaString(), stats.monthCollected().value(), stats.monthInvoices()),
                stats.asOf());
    }
}
