package ng.risiti.webhook.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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

    /** Keeps one received event; call inside the consumer's transaction (its inbox makes this once per event). */
    public Uni<Event> accept(IncomingEvent incoming) {
        Event event = new Event();
        event.id = incoming.id();
        event.tenantId = incoming.tenantId();
        event.type = incoming.type();
        event.subject = incoming.subject();
        event.occurredAt = incoming.time();
        event.data = incoming.data();
        event.testMode = incoming.test();
        event.receivedAt = Clocks.now(clock);
        return events.persist(event).call(saved -> fanout.fanOut(saved.id, saved.type, saved.tenantId, saved.testMode,
                saved.occurredAt, saved.data));
    }

    /** After events were committed: their deliveries go now. */
    public void committed() {
        fanout.committed();
    }
}
