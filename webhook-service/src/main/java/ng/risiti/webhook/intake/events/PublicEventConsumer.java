package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Takes in the public events of one topic once each (the inbox shares the intake's transaction); once a poll's
 * events are committed, their deliveries are dispatched at once.
 */
abstract class PublicEventConsumer implements EventConsumer {

    private Consumers consumers;
    private EventIntake intake;

    /** For the client proxy CDI makes of each (application-scoped) subclass; never used to consume. */
    PublicEventConsumer() {
    }

    PublicEventConsumer(Consumers consumers, EventIntake intake) {
        this.consumers = consumers;
        this.intake = intake;
    }

    Uni<Void> take(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records).invoke(intake::committed);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return intake.accept(event).replaceWithVoid();
    }
}
