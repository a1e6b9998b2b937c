package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Paystack charged a payer on an invoice's public pay page ({@code paystack.invoice_payment_captured} on
 * {@code risiti.billing.v1}, key = tenant id). billing-service emits it once its signed {@code charge.success} matched
 * the checkout it opened for the invoice (amount and currency checked); invoice-service records the payment with
 * {@code reference} (Paystack's, ours) as its dedupe key. Amounts are kobo with a naira twin.
 */
@RegisterForReflection
public record InvoicePaymentCaptured(
        UUID tenantId,
        boolean testMode,
        UUID invoiceId,
        String reference,
        long amountKobo,
        String amount,
        String channel,
        OffsetDateTime paidAt,
        OffsetDateTime occurredAt) {
}
