package ng.risiti.invoice.reports.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.reports.domain.AgeingBuckets;
import ng.risiti.invoice.reports.domain.ReceivablesAgeing;

/**
 * {@code GET /api/v1/reports/receivables-ageing}: per customer and in all, what is due by days overdue on
 * {@code as_of}: {@code current} (not yet due), {@code days_0_30}, {@code days_31_60}, {@code days_61_90},
 * {@code days_90_plus}.
 */
public record ReceivablesAgeingResponse(LocalDate asOf, LocalDate from, LocalDate to, String currency, List<Customer> customers, Buckets totals) {

    public record Customer(UUID customerId, String customerName, int invoiceCount, Buckets buckets) {
    }

    public record Buckets(int invoiceCount, String current, long currentKobo, @JsonProperty("days_0_30") String days0To30,
            @JsonProperty("days_0_30_kobo") long days0To30Kobo, @JsonProperty("days_31_60") String days31To60,
            @JsonProperty("days_31_60_kobo") long days31To60Kobo, @JsonProperty("days_61_90") String days61To90,
            @JsonProperty("days_61_90_kobo") long days61To90Kobo, @JsonProperty("days_90_plus") String days90Plus,
            @JsonProperty("days_90_plus_kobo") long days90PlusKobo, String overdue, long overdueKobo, String total, long totalKobo) {

        static Buckets of(int invoiceCount, AgeingBuckets buckets) {
            return new Buckets(invoiceCount, buckets.current().toNairaString(), buckets.current().value(), buckets.days0To30().toNairaString(),
                    buckets.days0To30().value(), buckets.days31To60().toNairaString(), buckets.days31To60().value(),
                    buckets.days61To90().toNairaString(), buckets.days61To90().value(), buckets.over90().toNairaString(), buckets.over90().value(),
                    buckets.overdue().toNairaString(), buckets.overdue().value(), buckets.total().toNairaString(), buckets.total().value());
        }
    }

    static ReceivablesAgeingResponse of(ReceivablesAgeing report) {
        return new ReceivablesAgeingResponse(report.asOf(), report.period().from(), report.period().to(), report.period().currency(),
                report.customers().stream().map(customer -> new Customer(customer.customerId(), customer.customerName(), customer.invoiceCount(),
                        Buckets.of(customer.invoiceCount(), customer.buckets()))).toList(),
                Buckets.of(report.invoiceCount(), report.totals()));
    }
}
