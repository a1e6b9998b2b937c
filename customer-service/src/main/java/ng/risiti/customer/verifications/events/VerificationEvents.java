package ng.risiti.customer.verifications.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.customer.verifications.domain.Verification;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.VerificationCompleted;
import ng.risiti.platform.security.Tenancy;

/** Publishes each answered verification with its charge, for billing to debit the tenant's credits once. */
@ApplicationScoped
public class VerificationEvents {

    private final Outbox outbox;

    public VerificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> completed(Verification verification) {
        return outbox.emit(Topics.VERIFICATIONS, EventTypes.VERIFICATION_COMPLETED, verification.id.toString(),
                new Tenancy(verification.tenantId, verification.testMode),
                new VerificationCompleted(verification.id, verification.tenantId, verification.type, verification.valid,
                        verification.chargeKobo, verification.customerId, verification.checkedAt, verification.testMode));
    }
}
