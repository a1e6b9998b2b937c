package ng.risiti.billing.credits.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.billing.credits.service.CreditWallet;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.VerificationCompleted;
import ng.risiti.platform.security.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Debits each TIN or NIN verification customer-service completed ({@code verification.completed} on
 * {@code risiti.verifications.v1}) from the tenant's API credits, once per verification id (the ledger's source key,
 * in the inbox's transaction). Test-mode verifications cost nothing and are not recorded.
 */
@ApplicationScoped
public class VerificationChargeConsumer implements EventConsumer {

    public static final String CHANNEL = "verifications";

    private final Consumers consumers;
    private final CreditWallet wallet;
    private final ObjectMapper json;

    public VerificationChargeConsumer(Consumers consumers, CreditWallet wallet, ObjectMapper json) {
        this.consumers = consumers;
        this.wallet = wallet;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean wants(String type) {
        return EventTypes.VERIFICATION_COMPLETED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        VerificationCompleted done = event.data(json, VerificationCompleted.class);
        if (done.verificationId() == null || done.tenantId() == null) {
            throw new PermanentEventFailure("event " + event.id() + " names no verification or tenant");
        }
        if (done.testMode() || done.chargeKobo() <= 0) {
            return Uni.createFrom().voidItem();
        }
        return wallet.debitVerification(new Tenancy(done.tenantId(), false), done.verificationId(), done.chargeKobo(),
                done.type().toUpperCase(java.util.Locale.ROOT) + " verification " + done.verificationId());
    }
}
