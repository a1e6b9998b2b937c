package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes in every invoice event once (the inbox shares its transaction) for webhook delivery. */
@ApplicationScoped
public class InvoiceEventConsumer implements EventConsumer {

    public static final String CHANNEL = "invoices";

    private final Consumers consumers;
    private final EventIntake intake;

    public InvoiceEventConsumer(Consumers consumers, EventIntake intake) {
        this.consumers = consumers;
        this.intake = intake;
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
    public Uni<Void> apply(IncomingEvent event) {
        return intake.accept(event).replaceWithVoid();
    }
}
