package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.webhook.endpoints.domain.WebhookEvents;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes in the webhook events of {@code risiti.nrs.v1}: NRS submission events (invoice.firs_submitted, invoice.firs_submission_failed). */
@ApplicationScoped
public class NrsEventConsumer extends PublicEventConsumer {

    public static final String CHANNEL = "nrs";

    public NrsEventConsumer(Consumers consumers, EventIntake intake) {
        super(consumers, intake);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return take(records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean wants(String type) {
        return WebhookEvents.isWebhookEvent(type);
    }
}
