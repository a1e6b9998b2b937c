package ng.risiti.invoice.payments.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.payments.domain.Payment;

/**
 * A receipt: a payment under its receipt number, with the invoice it paid when one receipt is asked for ({@code null}
 * fields of the invoice in a list, which reads payments alone).
 */
public record ReceiptResponse(UUID id, String receiptNumber, UUID invoiceId, String invoiceNumber, String customerName, String amount,
        long amountKobo, String currency, String paymentMethod, String method, String reference, LocalDate paymentDate,
        OffsetDateTime issuedAt) {

    public static ReceiptResponse of(Payment payment, Invoice invoice) {
        return new ReceiptResponse(payment.id, payment.receiptNumber, payment.invoiceId, invoice == null ? null : invoice.invoiceNumber,
                invoice == null ? null : invoice.customerName, payment.amount.toNairaString(), payment.amount.value(),
                invoice == null ? null : invoice.currency, payment.method.code(), payment.method.word(), payment.reference, payment.paidOn,
                payment.createdAt);
    }
}
