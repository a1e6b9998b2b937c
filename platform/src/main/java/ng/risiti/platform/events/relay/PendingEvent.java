package ng.risiti.platform.events.relay;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A committed outbox row the relay is about to publish; {@code traceParent} is the writer's trace, or null. */
record PendingEvent(long seq, UUID id, String topic, String key, String type, String source, String subject, UUID tenantId,
        Boolean test, OffsetDateTime occurredAt, String data, long aggregateVersion, int attempts, String traceParent) {
}
