package ng.risiti.webhook.deliveries.service;

import java.util.UUID;

/** A delivery a request queued (a test event, a manual retry): it goes out within a moment. */
public record QueuedDelivery(UUID id, String eventId, String eventType) {
}
