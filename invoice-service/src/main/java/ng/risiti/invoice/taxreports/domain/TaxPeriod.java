package ng.risiti.invoice.taxreports.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** The days a tax report covers, both included; {@code month} when they are one calendar month ("2026-04"). */
public record TaxPeriod(LocalDate from, LocalDate to, String month) {

    public static TaxPeriod of(YearMonth month) {
        return new TaxPeriod(month.atDay(1), month.atEndOfMonth(), month.toString());
    }

    /** The period of these days, named by its month when it is exactly one. */
    public static TaxPeriod of(LocalDate from, LocalDate to) {
        YearMonth month = YearMonth.from(from);
        boolean whole = from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth());
        return new TaxPeriod(from, to, whole ? month.toString() : null);
    }

    public String label() {
        return month != null ? month : from + " to " + to;
    }
}
