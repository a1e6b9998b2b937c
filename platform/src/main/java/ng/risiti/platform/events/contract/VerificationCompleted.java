package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A TIN or NIN verification that got an answer from its provider ({@code risiti.verifications.v1}, key = verification
 * id). {@code chargeKobo} is what it costs the tenant's API credits (docs/specification.md, Plans and prices: NGN 200;
 * nothing in test mode); billing debits it once per verification id.
 */
@RegisterForReflection
public record VerificationCompleted(
        UUID verificationId,
        UUID tenantId,
        String type,
        boolean valid,
        long chargeKobo,
        UUID customerId,
        OffsetDateTime checkedAt,
        boolean testMode) {
}
