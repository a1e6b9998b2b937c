package ng.risiti.webhook.deliveries.domain;

import java.util.UUID;

/**
 * A delivery one dispatcher holds until its lease passes. {@code attempts} counts this attempt; its outcome is recorded
 * only while the row still has that count, so a dispatcher whose lease passed cannot overwrite a newer attempt's.
 * {@code traceParent}: the trace of what queued it (null when tracing was off), which each attempt continues.
 */
public record ClaimedDelivery(UUID id, UUID endpointId, String eventId, String eventType, String payload, int attempts, int maxAttempts,
        String url, byte[] sealedSecret, String traceParent) {
}
