package ng.risiti.invoice.payments.rest;

import java.math.BigDecimal;
import java.util.UUID;
import ng.risiti.invoice.payments.service.RecordedPayment;
import ng.risiti.platform.finora.FinoraValues;

/** A receipt as the Finora dialect shows it, with the invoice's standing after the payment. */
public record FinoraReceipt(UUID id, String receiptNumber, UUID businessId, UUID invoiceId, String invoiceNumber, long amountKobo,
        BigDecimal amount, String paymentMethod, String reference, String paymentDate, String invoiceStatus, long amountDueKobo,
        BigDecimal amountDue, String createdAt) {

    static FinoraReceipt of(RecordedPayment recorded, String invoiceStatus) {
        var payment = recorded.payment();
        var invoice = recorded.invoice();
        return new FinoraReceipt(payment.id, payment.receiptNumber, payment.tenantId, invoice.id, invoice.invoiceNumber, payment.amount.value(),
                FinoraValues.naira(payment.amount.value()), payment.method.word(), payment.reference, FinoraValues.day(payment.paidOn),
                invoiceStatus, invoice.amountDue.value(), FinoraValues.naira(invoice.amountDue.value()), FinoraValues.time(payment.createdAt));
    }
}
