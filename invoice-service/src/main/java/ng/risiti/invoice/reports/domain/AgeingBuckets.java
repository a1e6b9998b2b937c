package ng.risiti.invoice.reports.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * Amounts due by days past the due date on the report's day: {@code current} is not yet due (due after that day),
 * then 0–30 days overdue (due that day counts as 0), 31–60, 61–90 and over 90 (docs/specification.md, Reports).
 */
public record AgeingBuckets(Kobo current, Kobo days0To30, Kobo days31To60, Kobo days61To90, Kobo over90) {

    public static final AgeingBuckets EMPTY = new AgeingBuckets(Kobo.ZERO, Kobo.ZERO, Kobo.ZERO, Kobo.ZERO, Kobo.ZERO);

    /** These buckets with {@code amount} added to the bucket of {@code daysOverdue} (negative: not yet due). */
    public AgeingBuckets add(long daysOverdue, Kobo amount) {
        if (daysOverdue < 0) {
            return new AgeingBuckets(current.plus(amount), days0To30, days31To60, days61To90, over90);
        } else if (daysOverdue <= 30) {
            return new AgeingBuckets(current, days0To30.plus(amount), days31To60, days61To90, over90);
        } else if (daysOverdue <= 60) {
            return new AgeingBuckets(current, days0To30, days31To60.plus(amount), days61To90, over90);
        } else if (daysOverdue <= 90) {
            return new AgeingBuckets(current, days0To30, days31To60, days61To90.plus(amount), over90);
        }
        return new AgeingBuckets(current, days0To30, days31To60, days61To90, over90.plus(amount));
    }

    public AgeingBuckets plus(AgeingBuckets other) {
        return new AgeingBuckets(current.plus(other.current), days0To30.plus(other.days0To30), days31To60.plus(other.days31To60),
                days61To90.plus(other.days61To90), over90.plus(other.over90));
    }

    public Kobo overdue() {
        return days0To30.plus(days31To60).plus(days61To90).plus(over90);
    }

    public Kobo total() {
        return current.plus(overdue());
    }
}
