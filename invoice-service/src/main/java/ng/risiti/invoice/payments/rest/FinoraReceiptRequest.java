package ng.risiti.invoice.payments.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.invoice.payments.service.NewPayment;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;

/**
 * Body of the dialect's {@code POST /v1/receipts} (seed 001): the payment of one invoice, in naira ({@code amount})
 * or kobo ({@code amountKobo}, the source of truth; both given must agree), by a method word such as
 * {@code bank_transfer}, on {@code paymentDate} (today in Lagos when absent).
 */
public record FinoraReceiptRequest(
        String businessId,
        @NotNull UUID invoiceId,
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
        @Min(value = 1, message = "must be greater than 0") Long amountKobo,
        @NotNull String paymentMethod,
        @Size(max = 100) String reference,
        String paymentDate) {

    NewPayment toPayment(LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        Kobo paid = null;
        if (amount == null && amountKobo == null) {
            problems.add(new FieldError("amount", "amount (naira) or amount_kobo is required"));
        } else if (amount != null && amountKobo != null && Kobo.fromNaira(amount).value() != amountKobo) {
            problems.add(new FieldError("amount_kobo", "amount_kobo and amount name different amounts"));
        } else {
            paid = amountKobo != null ? new Kobo(amountKobo) : Kobo.fromNaira(amount);
        }
        PaymentMethod method = PaymentMethod.parse(paymentMethod);
        if (method == null) {
            problems.add(new FieldError("payment_method", "payment_method must be one of " + PaymentMethod.choices()));
        }
        LocalDate paidOn = paymentDate == null ? today : PaymentDay.parse("payment_date", paymentDate, today, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new NewPayment(paid, method, paidOn, RecordPaymentRequest.trimmed(reference), null);
    }
}
