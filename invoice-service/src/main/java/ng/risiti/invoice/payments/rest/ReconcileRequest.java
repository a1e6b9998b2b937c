package ng.risiti.invoice.payments.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.service.BankTransfer;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;

/**
 * {@code POST /api/v1/payments/reconcile}: a bank transfer the tenant received. The reference is required: it is what
 * names the invoice, and what keeps one transfer from being recorded twice. The date defaults to today in Lagos.
 */
public record ReconcileRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
        @NotBlank @Size(max = 100) String reference,
        String date) {

    public BankTransfer toTransfer(LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate paidOn = date == null ? today : PaymentDay.parse("date", date, today, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new BankTransfer(Kobo.fromNaira(amount), reference.trim(), paidOn);
    }
}
