package ng.risiti.invoice.invoices.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's invoice figures in one world (docs/specification.md, Invoices: GET /invoices/stats). Invoices only, never
 * credit notes: a credit note is counted by what it takes off the invoice it credits.
 * <ul>
 * <li>invoiced: the total of every issued invoice (finalized, sent, partially paid or paid) less what credit notes
 * took off it; drafts, cancelled (voided or fully credited) invoices and invoices NRS refused are not invoiced.</li>
 * <li>outstanding: the amount due on finalized, sent and partially paid invoices; overdue: the part of it past its due
 * date (before today in Lagos).</li>
 * <li>this month (the calendar month of today in Lagos): what the month's issued invoices (by issue date) invoiced and
 * how many they are, and what payments dated in it collected.</li>
 * </ul>
 */
public record InvoiceStats(Map<InvoiceStatus, Long> counts, Kobo invoiced, Kobo outstanding, Kobo overdue, long overdueCount,
        YearMonth month, Kobo monthInvoiced, long monthInvoices, Kobo monthCollected, LocalDate asOf) {

    public static final Set<InvoiceStatus> ISSUED = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL,
            InvoiceStatus.PAID);
    public static final Set<InvoiceStatus> OPEN = EnumSet.of(InvoiceStatus.FINALIZED, InvoiceStatus.SENT, InvoiceStatus.PARTIAL);

    /** How many invoices have one status, what they invoiced net of credit notes, and what is still due on them. */
    public record StatusTotal(long invoices, Kobo net, Kobo due) {
    }

    /** The figures from each status's totals; a status without invoices counts 0. */
    public static InvoiceStats of(Map<InvoiceStatus, StatusTotal> byStatus, Kobo overdue, long overdueCount, YearMonth month,
            Kobo monthInvoiced, long monthInvoices, Kobo monthCollected, LocalDate asOf) {
        Map<InvoiceStatus, Long> counts = new EnumMap<>(InvoiceStatus.class);
        Kobo invoiced = Kobo.ZERO;
        Kobo outstanding = Kobo.ZERO;
        for (InvoiceStatus status : InvoiceStatus.values()) {
            StatusTotal total = byStatus.getOrDefault(status, new StatusTotal(0, Kobo.ZERO, Kobo.ZERO));
            counts.put(status, total.invoices());
            if (ISSUED.contains(status)) {
                invoiced = invoiced.plus(total.net());
            }
            if (OPEN.contains(status)) {
                outstanding = outstanding.plus(total.due());
            }
        }
        return new InvoiceStats(counts, invoiced, outstanding, overdue, overdueCount, month, monthInvoiced, monthInvoices, monthCollected, asOf);
    }
}
