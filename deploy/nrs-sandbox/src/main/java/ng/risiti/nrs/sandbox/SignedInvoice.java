package ng.risiti.nrs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An invoice NRS has accepted through {@code /invoice/sign}, as the sandbox remembers it. */
public record SignedInvoice(Irn irn, String businessId, JsonNode document, Instant signedAt,
                            PaymentStatus paymentStatus, String paymentReference,
                            boolean transmitted, boolean delivered, Instant updatedAt) {

    public enum PaymentStatus { PENDING, PAID, PARTIAL, CANCELED }

    public SignedInvoice withPaymentStatus(PaymentStatus status, String reference) {
        return new SignedInvoice(irn, businessId, document, signedAt, status, reference, transmitted, delivered, Instant.now());
    }

    public SignedInvoice transmittedNow() {
        // The sandbox has no buyer-side access point: delivery is instantaneous.
        return new SignedInvoice(irn, businessId, document, signedAt, paymentStatus, paymentReference, true, true, Instant.now());
    }
}
