package ng.risiti.platform.pagination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;

/**
 * The {@code from} and {@code to} filters of a list over a calendar date (an invoice's issue date, a payment's or an
 * expense's date, a journal entry's date): {@code 2026-04-01}, both bounds included; either may be absent. For
 * instants, see {@link DateRange}.
 */
public record DayRange(LocalDate from, LocalDate to) {

    /** The range, or 400 VALIDATION_ERROR naming each bad parameter. */
    public static DayRange parse(String from, String to) {
        List<FieldError> problems = new ArrayList<>();
        DayRange range = parse(from, to, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return range;
    }

    /** The range, adding what is wrong to {@code problems} (for a list whose other filters are checked too). */
    public static DayRange parse(String from, String to, List<FieldError> problems) {
        LocalDate start = day("from", from, problems);
        LocalDate end = day("to", to, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldError("to", "to must be on or after from"));
        }
        return new DayRange(start, end);
    }

    /** One calendar-date parameter (an {@code as_of}), or 400 naming it; absent is null. */
    public static LocalDate day(String name, String value) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate day = day(name, value, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return day;
    }

    private static LocalDate day(String name, String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(name, name + " must be a date such as 2026-04-01"));
            return null;
        }
    }
}
