package ng.risiti.auth.apikey.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.apikey.domain.ApiKey;

/** A key as listed: never the key, never its hash. {@code mode}: live or test. */
public record ApiKeyView(UUID id, String name, String mode, String prefix, List<String> scopes, OffsetDateTime lastUsedAt,
        OffsetDateTime expiresAt, OffsetDateTime createdAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.mode(), key.prefix, key.scopes, key.lastUsedAt, key.expiresAt, key.createdAt);
    }
}
