package ng.risiti.webhook.deliveries.rest;

import java.util.UUID;
import ng.risiti.webhook.deliveries.service.QueuedDelivery;

/** A delivery queued by a request: it goes out within a moment; its attempts appear in the endpoint's delivery log. */
public record QueuedDeliveryResponse(UUID id, String event, String eventId, String status, String message) {

    public static QueuedDeliveryResponse of(QueuedDelivery queued, String message) {
        return new QueuedDeliveryResponse(queued.id(), queued.eventType(), queued.eventId(), "pending", message);
    }
}
