package ng.risiti.platform.events.contract;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Value of a {@code risiti.sessions.v1} record (key = session id, type {@code session.revoked}): from
 * {@code revoked_at} on, access tokens carrying this {@code sid} are refused by every service.
 */
@RegisterForReflection
public record SessionRevoked(UUID sessionId, UUID tenantId, UUID userId, Instant revokedAt, String reason) {
}
