package ng.risiti.invoice.payments.service;

import java.time.LocalDate;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;

/** A payment to record against an invoice; {@code reference} and {@code notes} may be null. */
public record NewPayment(Kobo amount, PaymentMethod method, LocalDate paidOn, String reference, String notes) {
}
