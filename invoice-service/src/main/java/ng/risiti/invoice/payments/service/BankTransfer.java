package ng.risiti.invoice.payments.service;

import java.time.LocalDate;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;

/** A bank transfer the tenant received and wants matched to one of its open invoices. */
public record BankTransfer(Kobo amount, String reference, LocalDate paidOn) {

    NewPayment asPayment() {
        return new NewPayment(amount, PaymentMethod.BANK_TRANSFER, paidOn, reference, null);
    }
}
