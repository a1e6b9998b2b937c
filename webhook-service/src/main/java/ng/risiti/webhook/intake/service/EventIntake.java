package ng.risiti.webhook.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.deliveries.service.Fanout;
import ng.risiti.webhook.intake.domain.Event;
import ng.risiti.webhook.intake.repository.EventRepository;

/** Keeps each received event once, with its deliveries to the tenant's endpoints queued in the same transaction. */
@ApplicationScoped
public class EventIntake {

    private final EventRepository events;
    private final Fanout fanout;
    private final Clock clock;

    public EventIntake(EventRepository events, Fanout fanout, Clock clock) {
        this.events = events;
        this.fanout = fanout;
        this.clock = clock;
    }

    /**
     * Keeps received events, and queues their deliveries, in two statements for all of them; call inside the
     * consumer's transaction (its inbox makes this once per event). Answers the deliveries queued or logged as skipped.
     */
    public Uni<Integer> accept(List<IncomingEvent> incoming) {
        OffsetDateTime receivedAt = Clocks.now(clock);
        List<Event> kept = new ArrayList<>(incoming.size());
        List<Fanout.Received> received = new ArrayList<>(incoming.size());
        for (IncomingEvent event : incoming) {
            Event row = new Event();
            row.id = event.id();
            row.tenantId = event.tenantId();
            row.type = event.type();
            row.subject = event.subject();
            row.occurredAt = event.time();
            row.data = event.data();
            row.testMode = event.test();
            row.receivedAt = receivedAt;
            kept.add(row);
            received.add(new Fanout.Received(event.id(), event.type(), event.tenantId(), event.test(), event.time(), event.data(),
                    event.traceParent()));
        }
        return events.insertAll(kept).chain(() -> fanout.fanOut(received));
    }

    /** After events were committed: their deliveries go now. */
    public void committed() {
        fanout.committed();
    }
}
