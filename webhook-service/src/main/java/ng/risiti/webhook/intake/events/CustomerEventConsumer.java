package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.webhook.endpoints.domain.WebhookEvents;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes in the webhook events of {@code risiti.customers.v1}: customer events (customer.created is the one webhooks carry; updates and deletions are skipped). */
@ApplicationScoped
public class CustomerEventConsumer extends PublicEventConsumer {

    public static final String CHANNEL = "customers";

    public CustomerEventConsumer(Consumers consumers, EventIntake intake) {
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
