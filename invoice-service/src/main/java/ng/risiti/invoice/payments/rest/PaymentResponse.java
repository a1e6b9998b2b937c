package ng.risiti.invoice.payments.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.payments.domain.Payment;

/**
 * The payment object (docs/specification.md, Payments): amounts in the invoice's currency as naira strings with
 * {@code _kobo} twins; the method as the UBL code ({@code payment_method: "30"}, the Invoices section) and as a word
 * ({@code method: "bank_transfer"}, the Payments section); the day as {@code payment_date} and as {@code paid_at}, the
 * start of that day in UTC as the Payments section shows it. {@code invoice} is there when one payment is asked for.
 */
public record PaymentResponse(
        UUID id,
        String receiptNumber,
        UUID invoiceId,
        String amount,
        long amountKobo,
        String paymentMethod,
        String method,
        String reference,
        LocalDate paymentDate,
        OffsetDateTime paidAt,
        String notes,
        OffsetDateTime createdAt,
        String whtWithheld,
        long whtWithheldKobo,
        @JsonInclude(JsonInclude.Include.NON_NULL) InvoiceBrief invoice) {

    /** The invoice a payment paid, as it stands now. */
    public record InvoiceBrief(UUID id, String invoiceNumber, String status, String currency, String totalAmount, long totalAmountKobo,
            String amountDue, long amountDueKobo) {

        static InvoiceBrief of(Invoice invoice) {
            return new InvoiceBrief(invoice.id, invoice.invoiceNumber, invoice.status.wireName(), invoice.currency,
                    invoice.total.toNairaString(), invoice.total.value(), invoice.amountDue.toNairaString(), invoice.amountDue.value());
        }
    }

    public static PaymentResponse of(Payment payment) {
        return of(payment, null);
    }

    public static PaymentResponse of(Payment payment, Invoice invoice) {
        return new PaymentResponse(payment.id, payment.receiptNumber, payment.invoiceId, payment.amount.toNairaString(), payment.amount.value(),
                payment.method.code(), payment.method.word(), payment.reference, payment.paidOn,
                payment.paidOn.atStartOfDay().atOffset(ZoneOffset.UTC), payment.notes, payment.createdAt,
                payment.whtWithheld.toNairaString(), payment.whtWithheld.value(), invoice == null ? null : InvoiceBrief.of(invoice));
    }
}
