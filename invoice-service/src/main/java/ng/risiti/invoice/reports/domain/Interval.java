package ng.risiti.invoice.reports.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The cash-flow report's period: a day, a week (Monday to Sunday, as PostgreSQL's date_trunc) or a calendar month. */
public enum Interval {
    DAY, WEEK, MONTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> parse(String value) {
        return Arrays.stream(values()).filter(interval -> interval.wireName().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** How many periods {@code from} to {@code to} touch. */
    public long periods(LocalDate from, LocalDate to) {
        ChronoUnit unit = switch (this) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
        };
        return unit.between(start(from), start(to)) + 1;
    }
}
