package ng.risiti.invoice.payments.service;

import java.time.LocalDate;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;

/** A payment to record against an invoice; {@code reference} and {@code notes} may be null. */
public record NewPayment(Kobo amount, PaymentMethod method, LocalDate paidOn, String reference, String notes, Kobo whtWithheld) {

    /** A payment nothing was withheld from. */
    public NewPayment(Kobo amount, PaymentMethod method, LocalDate paidOn, String reference, String notes) {
        this(amount, method, paidOn, reference, notes, Kobo.ZERO);
    }

    /** How much of the invoice the payment settles: the money and what the payer withheld beside it. */
    public Kobo settles() {
        return amount.plus(whtWithheld);
    }
}
