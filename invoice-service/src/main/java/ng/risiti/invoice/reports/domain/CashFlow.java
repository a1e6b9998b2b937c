package ng.risiti.invoice.reports.domain;

import java.time.LocalDate;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * Money in (payments into Bank and Cash) and out (expenses paid from them) per period of {@code interval}; each
 * period's start and end are clipped to the report's {@code from} and {@code to}.
 */
public record CashFlow(ReportPeriod period, Interval interval, List<Bucket> buckets) {

    public record Bucket(LocalDate start, LocalDate end, Kobo inflows, Kobo outflows) {

        public Kobo net() {
            return inflows.minus(outflows);
        }
    }

    public Kobo inflows() {
        return buckets.stream().map(Bucket::inflows).reduce(Kobo.ZERO, Kobo::plus);
    }

    public Kobo outflows() {
        return buckets.stream().map(Bucket::outflows).reduce(Kobo.ZERO, Kobo::plus);
    }
}
