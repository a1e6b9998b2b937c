package ng.risiti.webhook.deliveries.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /** An event taken in; its deliveries' attempts continue the trace {@code traceParent}. */
    public record Received(String eventId, String type, UUID tenantId, Boolean testMode, OffsetDateTime occurredAt, String data,
            String traceParent) {
    }

    /**
     * In the caller's transaction, one statement for all of them; the number of deliveries queued or logged as skipped.
     * Events without a tenant and events that are not webhook events are delivered nowhere. An event without a mode is
     * live. Each event is queued a microsecond after the one before, so an endpoint gets them in the order they came.
     */
    public Uni<Integer> fanOut(List<Received> events) {
        OffsetDateTime now = Clocks.now(clock);
        List<DeliveryRepository.Delivered> delivered = new ArrayList<>(events.size());
        for (Received event : events) {
            if (event.tenantId() == null || !WebhookEvents.isWebhookEvent(event.type())) {
                continue;
            }
            OffsetDateTime queuedAt = now.plusNanos(1_000L * delivered.size());
            String payload = WebhookPayload.of(event.type(), event.tenantId(), event.occurredAt() != null ? event.occurredAt() : queuedAt,
                    event.data());
            delivered.add(new DeliveryRepository.Delivered(event.tenantId(), Boolean.TRUE.equals(event.testMode()), event.eventId(),
                    event.type(), payload, queuedAt, event.traceParent()));
        }
        return deliveries.fanOut(delivered, dispatcher.retries().attempts());
    }

    /** After the intake committed: its deliveries go now rather than at the next scheduled look. */
    public void committed() {
        dispatcher.wake();
    }
}
