package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Value of a {@code risiti.api-usage.v1} record (key = API key id, type {@code api_key.used}): one service replica
 * accepted the key {@code count} times in the window [{@code window_start}, {@code window_end}), the last time at
 * {@code last_used_at}. A usage signal, not business state: auth-service keeps {@code last_used_at} from it. Billing
 * meters calls from {@link ApiCallsMetered} instead, which goes through the outbox: a replica that crashes (or cannot
 * reach Kafka in time) loses its current window of this signal.
 */
@RegisterForReflection
public record ApiKeyUsed(UUID keyId, UUID tenantId, Instant lastUsedAt, long count, Instant windowStart, Instant windowEnd,
        String service) {
}
