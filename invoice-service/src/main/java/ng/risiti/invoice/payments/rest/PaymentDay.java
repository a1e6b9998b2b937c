package ng.risiti.invoice.payments.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.error.FieldError;

/**
 * The day a payment was received, from either form the API reference uses: a date ({@code 2026-04-09}) or a date-time
 * ({@code 2026-04-09T14:30:00+01:00}, or without offset as Lagos time), which counts as its day in Lagos.
 */
final class PaymentDay {

    private PaymentDay() {
    }

    /** The day, or null after adding to {@code problems} why {@code value} is not one. */
    static LocalDate parse(String field, String value, LocalDate today, List<FieldError> problems) {
        LocalDate day = day(value.trim());
        if (day == null) {
            problems.add(new FieldError(field, field + " must be a date (2026-04-09) or a date-time (2026-04-09T14:30:00+01:00)"));
            return null;
        }
        if (day.isAfter(today)) {
            problems.add(new FieldError(field, field + " cannot be later than today (" + today + " in Lagos)"));
            return null;
        }
        return day;
    }

    private static LocalDate day(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return OffsetDateTime.parse(text).atZoneSameInstant(PaymentService.LAGOS).toLocalDate();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
