package ng.risiti.auth.apikey.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.apikey.service.ApiKeyService;

/** The one response that carries the key itself. */
public record CreatedApiKey(UUID id, String name, String mode, String key, String prefix, List<String> scopes, OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {

    public static CreatedApiKey of(ApiKeyService.Created created) {
        var key = created.key();
        return new CreatedApiKey(key.id, key.name, key.mode(), created.secret(), key.prefix, key.scopes, key.expiresAt, key.createdAt);
    }
}
