package ng.risiti.auth.apikey.mapping;

import java.time.OffsetDateTime;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.auth.apikey.rest.ApiKeyView;
import ng.risiti.auth.apikey.rest.CreateApiKeyRequest;
import ng.risiti.auth.apikey.rest.CreatedApiKey;
import ng.risiti.platform.security.ApiKeyState;

public final class ApiKeyMapper {

    private ApiKeyMapper() {
    }

    public static ApiKeyView view(ApiKey key) {
        return new ApiKeyView(key.id, key.name, mode(key), key.prefix, key.scopes, key.lastUsedAt, key.expiresAt, key.createdAt);
    }

    public static CreatedApiKey created(ApiKey key, String secret) {
        return new CreatedApiKey(key.id, key.name, mode(key), secret, key.prefix, key.scopes, key.expiresAt, key.createdAt);
    }

    /** What every service's key registry holds: the value on {@code risiti.api-keys.v1}. */
    public static ApiKeyState state(ApiKey key) {
        return new ApiKeyState(key.keyHash, key.id, key.tenantId, key.createdBy, key.prefix, key.scopes, key.test,
                instant(key.expiresAt), instant(key.revokedAt));
    }

    public static String mode(ApiKey key) {
        return key.test ? CreateApiKeyRequest.TEST : CreateApiKeyRequest.LIVE;
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
