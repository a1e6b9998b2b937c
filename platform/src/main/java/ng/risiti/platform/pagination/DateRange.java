package ng.risiti.platform.pagination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import ng.risiti.platform.error.ApiException;

/**
 * The {@code from} and {@code to} filters of a list: each a date ({@code 2026-04-01}, a whole day in UTC, {@code to}
 * included) or a date-time with offset; {@code from} inclusive, {@code to} exclusive once resolved. Either may be absent.
 */
public record DateRange(OffsetDateTime from, OffsetDateTime to) {

    public static DateRange parse(String from, String to) {
        OffsetDateTime start = from == null || from.isBlank() ? null : instant("from", from.trim(), false);
        OffsetDateTime end = to == null || to.isBlank() ? null : instant("to", to.trim(), true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.validation("to", "to must be after from");
        }
        return new DateRange(start, end);
    }

    private static OffsetDateTime instant(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " must be a date (2026-04-01) or a date-time with offset (2026-04-01T09:00:00Z)");
        }
    }
}
