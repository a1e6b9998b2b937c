package ng.risiti.invoice.documents.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.Payment;

/**
 * A payment's receipt as its PDF shows it: who received the money (the invoice's supplier as finalized), from whom
 * (its customer as snapshotted), how much, how, and for which invoice.
 */
public record ReceiptDocument(String receiptNumber, LocalDate paidOn, OffsetDateTime issuedAt, String supplierName, String supplierTin,
        String supplierAddress, String supplierEmail, String customerName, String customerTin, String invoiceNumber, Kobo amount,
        String method, String reference, String currency) {

    public static ReceiptDocument of(Payment payment, Invoice invoice) {
        return new ReceiptDocument(payment.receiptNumber, payment.paidOn, payment.createdAt, invoice.supplierName, invoice.supplierTin,
                invoice.supplierAddress, invoice.supplierEmail, invoice.customerName, invoice.customerTin, invoice.invoiceNumber,
                payment.amount, payment.method.word().replace('_', ' '), payment.reference, invoice.currency);
    }
}
