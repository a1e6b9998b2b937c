package ng.risiti.webhook.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Inbox;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.webhook.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes in every invoice event once (inbox in the same transaction) for webhook delivery. */
@ApplicationScoped
public class InvoiceEventConsumer {

    public static final String CHANNEL = "invoices";
    static final String CONSUMER = "webhook.invoice-events";

    private final EventIntake intake;
    private final Inbox inbox;

    public InvoiceEventConsumer(EventIntake intake, Inbox inbox) {
        this.intake = intake;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        return Consumers.applyInTransaction(() -> inbox.once(CONSUMER, event, () -> intake.accept(event)));
    }
}
