package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes in every invoice event once (the inbox shares its transaction) for webhook delivery. */
@ApplicationScoped
public class InvoiceEventConsumer extends PublicEventConsumer {

    public static final String CHANNEL = "invoices";

    public InvoiceEventConsumer(Consumers consumers, EventIntake intake) {
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
}
