package ng.risiti.webhook.intake.events;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import ng.risiti.platform.events.BulkEventConsumer;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.webhook.intake.service.EventIntake;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Takes in the public events of one topic once each (the inbox shares the intake's transaction); once a poll's
 * events are committed, their deliveries are dispatched at once.
 */
abstract class PublicEventConsumer implements BulkEventConsumer {

    private Consumers consumers;
    private EventIntake intake;
    /** This channel's poll queued deliveries (set once its transaction wrote them, read after delivery completes). */
    private final AtomicBoolean queued = new AtomicBoolean();

    /** For the client proxy CDI makes of each (application-scoped) subclass; never used to consume. */
    PublicEventConsumer() {
    }

    PublicEventConsumer(Consumers consumers, EventIntake intake) {
        this.consumers = consumers;
        this.intake = intake;
    }

    Uni<Void> take(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records).invoke(() -> {
            // most events have no endpoint to go to: waking the dispatcher for them cost two transactions per poll
            if (queued.getAndSet(false)) {
                intake.committed();
            }
        });
    }

    @Override
    public Uni<Void> applyAll(List<IncomingEvent> events) {
        return intake.accept(events).invoke(deliveries -> {
            if (deliveries > 0) {
                queued.set(true);
            }
        }).replaceWithVoid();
    }
}
