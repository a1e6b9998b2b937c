package ng.risiti.webhook.deliveries.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.deliveries.domain.WebhookPayload;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import ng.risiti.webhook.endpoints.domain.WebhookEvents;

/**
 * Turns a received event into one delivery per subscribed endpoint of its tenant and world, in the transaction that
 * takes the event in: once the intake commits, its deliveries exist, and a crash before that loses nothing (the
 * consumer gets the event again).
 */
@ApplicationScoped
public class Fanout {

    private final DeliveryRepository deliveries;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    public Fanout(DeliveryRepository deliveries, DeliveryDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * In the caller's transaction; the number of deliveries queued or logged as skipped. Events without a tenant and
     * events that are not webhook events are delivered nowhere. An event without a mode is live.
     */
    public Uni<Integer> fanOut(String eventId, String type, UUID tenantId, Boolean testMode, OffsetDateTime occurredAt, String data) {
        if (tenantId == null || !WebhookEvents.isWebhookEvent(type)) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = Clocks.now(clock);
        String payload = WebhookPayload.of(type, tenantId, occurredAt != null ? occurredAt : now, data);
        return deliveries.fanOut(tenantId, Boolean.TRUE.equals(testMode), eventId, type, payload, now, dispatcher.retries().attempts());
    }

    /** After the intake committed: its deliveries go now rather than at the next scheduled look. */
    public void committed() {
        dispatcher.wake();
    }
}
