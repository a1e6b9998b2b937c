package ng.risiti.invoice.payments.service;

import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.payments.domain.Payment;

/** A payment with the invoice it paid, as it stands now. */
public record InvoicePayment(Payment payment, Invoice invoice) {
}
