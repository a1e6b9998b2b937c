package ng.risiti.auth.apikey.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The one response that carries the key itself. */
public record CreatedApiKey(UUID id, String name, String mode, String key, String prefix, List<String> scopes, OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {
}
