package ng.risiti.invoice.payments.domain;

import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;

/** An invoice that can still take a payment, as reconciliation weighs it against a bank transfer. */
public record OpenInvoice(UUID id, String invoiceNumber, Kobo amountDue) {
}
