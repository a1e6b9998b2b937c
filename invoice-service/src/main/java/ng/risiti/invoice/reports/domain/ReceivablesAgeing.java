package ng.risiti.invoice.reports.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What customers owe on the report's day, per customer (largest total first) and in all. */
public record ReceivablesAgeing(LocalDate asOf, ReportPeriod period, List<CustomerAgeing> customers) {

    public record CustomerAgeing(UUID customerId, String customerName, int invoiceCount, AgeingBuckets buckets) {
    }

    public AgeingBuckets totals() {
        return customers.stream().map(CustomerAgeing::buckets).reduce(AgeingBuckets.EMPTY, AgeingBuckets::plus);
    }

    public int invoiceCount() {
        return customers.stream().mapToInt(CustomerAgeing::invoiceCount).sum();
    }
}
