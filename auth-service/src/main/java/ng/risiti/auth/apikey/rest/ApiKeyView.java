package ng.risiti.auth.apikey.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A key as listed: never the key, never its hash. {@code mode}: live or test. */
public record ApiKeyView(UUID id, String name, String mode, String prefix, List<String> scopes, OffsetDateTime lastUsedAt,
        OffsetDateTime expiresAt, OffsetDateTime createdAt) {
}
