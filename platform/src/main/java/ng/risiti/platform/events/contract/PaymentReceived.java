package ng.risiti.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code payment.received} on {@code risiti.invoices.v1} (key = the invoice's id, so it stays in order with the
 * invoice's other events): the payment, and the invoice as it stands after it. The invoice's part has exactly the
 * fields of {@link InvoiceSnapshot}, because consumers that keep invoice state (customer-service) read every event of
 * the topic as one; read this way, a payment is the invoice's new amount due and status. Money as decimal naira
 * strings and integer kobo. Written only (Jackson cannot read an unwrapped record component back): a consumer reads it
 * as an InvoiceSnapshot, or as a tree.
 */
@RegisterForReflection
public record PaymentReceived(
        UUID paymentId,
        String amount,
        long amountKobo,
        /** UBL 2.1 payment means code (UNCL4461): 30 bank transfer, 10 cash, 48 card, ... */
        String paymentMethod,
        /** The same as a word: {@code bank_transfer}, {@code cash}, {@code card}, ... */
        String method,
        String reference,
        /** The day the money was received (Africa/Lagos). */
        LocalDate paymentDate,
        OffsetDateTime recordedAt,
        /** What the payer withheld as WHT beside this payment: it settled that much of the invoice too (0 when nothing). */
        String whtWithheld,
        long whtWithheldKobo,
        /** Written flat beside the payment's fields, so the event reads as an InvoiceSnapshot too; never a copy of its fields. */
        @JsonUnwrapped InvoiceSnapshot invoice) {

    /** The payment beside the invoice as it stands after it. */
    public static PaymentReceived of(UUID paymentId, String amount, long amountKobo, String paymentMethod, String method, String reference,
            LocalDate paymentDate, OffsetDateTime recordedAt, InvoiceSnapshot invoice) {
        return of(paymentId, amount, amountKobo, paymentMethod, method, reference, paymentDate, recordedAt, "0.00", 0, invoice);
    }

    /** The payment, what the payer withheld beside it, and the invoice as it stands after both. */
    public static PaymentReceived of(UUID paymentId, String amount, long amountKobo, String paymentMethod, String method, String reference,
            LocalDate paymentDate, OffsetDateTime recordedAt, String whtWithheld, long whtWithheldKobo, InvoiceSnapshot invoice) {
        return new PaymentReceived(paymentId, amount, amountKobo, paymentMethod, method, reference, paymentDate, recordedAt, whtWithheld,
                whtWithheldKobo, invoice);
    }
}
