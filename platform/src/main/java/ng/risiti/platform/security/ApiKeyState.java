package ng.risiti.platform.security;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every service knows about an API key: the value of a record on the compacted {@code risiti.api-keys.v1}
 * topic, keyed by {@link #keyHash()}. The key itself never leaves auth-service.
 */
@RegisterForReflection
public record ApiKeyState(
        String keyHash,
        UUID keyId,
        UUID tenantId,
        UUID createdBy,
        String prefix,
        List<String> scopes,
        boolean test,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
