package ng.risiti.invoice.payments.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.invoice.payments.service.NewPayment;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;

/**
 * {@code POST /api/v1/invoices/{id}/record-payment} in both of the API reference's forms (DESIGN: accept both): the
 * Invoices section's {@code amount} number, {@code payment_method} UBL code ("30") and {@code payment_date}, and the
 * Payments section's {@code amount} string, {@code method} word ("bank_transfer") and {@code paid_at}. Either method
 * field takes a code or a word; given both, they must agree. The date defaults to today in Lagos.
 */
public record RecordPaymentRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
        String paymentMethod,
        String method,
        String paymentDate,
        String paidAt,
        @Size(max = 100) String reference,
        @Size(max = 1000) String notes,
        /** What the payer withheld as WHT beside {@code amount} (naira, 0 or more): it settles that much of the invoice too. */
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places") BigDecimal whtWithheld) {

    public NewPayment toPayment(LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        PaymentMethod chosen = method(problems);
        LocalDate paidOn = day(today, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new NewPayment(Kobo.fromNaira(amount), chosen, paidOn, trimmed(reference), trimmed(notes),
                whtWithheld == null ? Kobo.ZERO : Kobo.fromNaira(whtWithheld));
    }

    private PaymentMethod method(List<FieldError> problems) {
        if (paymentMethod == null && method == null) {
            problems.add(new FieldError("payment_method",
                    "payment_method (a UBL payment means code such as 30) or method (a word such as bank_transfer) is required"));
            return null;
        }
        PaymentMethod byCode = known("payment_method", paymentMethod, problems);
        PaymentMethod byWord = known("method", method, problems);
        if (byCode != null && byWord != null && byCode != byWord) {
            problems.add(new FieldError("method", "method and payment_method name different payment methods"));
        }
        return byCode != null ? byCode : byWord;
    }

    private static PaymentMethod known(String field, String value, List<FieldError> problems) {
        if (value == null) {
            return null;
        }
        PaymentMethod known = PaymentMethod.parse(value);
        if (known == null) {
            problems.add(new FieldError(field, field + " must be one of " + PaymentMethod.choices()));
        }
        return known;
    }

    private LocalDate day(LocalDate today, List<FieldError> problems) {
        LocalDate byDate = paymentDate == null ? null : PaymentDay.parse("payment_date", paymentDate, today, problems);
        LocalDate byPaidAt = paidAt == null ? null : PaymentDay.parse("paid_at", paidAt, today, problems);
        if (byDate != null && byPaidAt != null && !byDate.equals(byPaidAt)) {
            problems.add(new FieldError("paid_at", "paid_at and payment_date name different days"));
        }
        if (paymentDate == null && paidAt == null) {
            return today;
        }
        return byDate != null ? byDate : byPaidAt;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
