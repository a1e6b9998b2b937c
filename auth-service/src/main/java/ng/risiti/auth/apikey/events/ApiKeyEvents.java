package ng.risiti.auth.apikey.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.ApiKeyState;

/**
 * Every change of a key goes out as its whole {@link ApiKeyState} on the compacted {@code risiti.api-keys.v1}
 * (key = key hash), which is how every service's key registry learns of it within a second. Call inside the
 * transaction that makes the change.
 */
@ApplicationScoped
public class ApiKeyEvents {

    private final Outbox outbox;

    public ApiKeyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Writes the key's state to the outbox and returns it, for this replica's registry once committed. */
    public Uni<ApiKeyState> changed(ApiKey key) {
        ApiKeyState state = state(key);
        return outbox.emit(Topics.API_KEYS, EventTypes.API_KEY_STATE, key.keyHash, key.tenantId, state).replaceWith(state);
    }

    /** What every service's key registry holds: the value on {@code risiti.api-keys.v1}. */
    public static ApiKeyState state(ApiKey key) {
        return new ApiKeyState(key.keyHash, key.id, key.tenantId, key.createdBy, key.prefix, key.scopes, key.test,
                instant(key.expiresAt), instant(key.revokedAt));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
