package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Value of a {@code risiti.api-usage.v1} record of type {@code api_calls.metered} (key = tenant id): one service
 * replica accepted {@code count} calls made with API key {@code keyId} in the minute starting at {@code minute}.
 * Written through the replica's outbox, so it reaches billing at least once; billing charges each event id once.
 */
@RegisterForReflection
public record ApiCallsMetered(UUID tenantId, boolean testMode, UUID keyId, Instant minute, long count, String service, String replica) {
}
