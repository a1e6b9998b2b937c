package ng.risiti.customer.verifications.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.customer.verifications.domain.Verification;
import ng.risiti.platform.rest.Naira;

/** A verification: the provider's answer and what it cost, in naira and kobo. */
public record VerificationResponse(UUID id, String type, String number, UUID customerId, boolean valid, String registeredName,
        OffsetDateTime checkedAt, String charge, long chargeKobo) {

    public static VerificationResponse of(Verification verification) {
        return new VerificationResponse(verification.id, verification.type, verification.number, verification.customerId,
                verification.valid, verification.registeredName, verification.checkedAt,
                Naira.fromKobo(verification.chargeKobo), verification.chargeKobo);
    }
}
