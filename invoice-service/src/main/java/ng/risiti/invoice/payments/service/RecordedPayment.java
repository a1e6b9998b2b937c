package ng.risiti.invoice.payments.service;

import java.util.List;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.Payment;

/**
 * A payment just recorded, the invoice after it, and all the invoice's payments (this one last).
 *
 * @param matchedBy how reconciliation found the invoice ({@code reference} or {@code amount}); null for a payment
 *                  recorded against a named invoice
 */
public record RecordedPayment(Invoice invoice, Payment payment, List<Payment> payments, String matchedBy) {

    /** Everything paid on the invoice so far, this payment included. */
    public Kobo paid() {
        Kobo paid = Kobo.ZERO;
        for (Payment each : payments) {
            paid = paid.plus(each.amount);
        }
        return paid;
    }
}
