package ng.risiti.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * This service's replica of every API key's state, read from the compacted {@code risiti.api-keys.v1} topic
 * from the beginning, so authenticating a key costs a hash and a map lookup. A key the replica has not seen
 * yet (created a moment ago) is asked of auth-service once; unknown hashes are remembered briefly so a flood of
 * bad keys cannot turn into a flood of lookups.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    public static final String CHANNEL = "api-keys";
    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);
    private static final Duration NEGATIVE_TTL = Duration.ofMillis(500);

    private final Map<String, ApiKeyState> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknown = new ConcurrentHashMap<>();
    private final ApiKeyLookupClient lookup;
    private final ObjectMapper json;

    public ApiKeyRegistry(@RestClient ApiKeyLookupClient lookup, ObjectMapper json) {
        this.lookup = lookup;
        this.json = json;
    }

    @Incoming(CHANNEL)
    void onKeyState(ConsumerRecord<String, String> record) {
        if (!Topics.API_KEYS.equals(record.topic())) {
            return;
        }
        if (record.value() == null) {
            keys.remove(record.key());
            return;
        }
        try {
            accept(json.readValue(record.value(), ApiKeyState.class));
        } catch (IOException e) {
            LOG.warnf("Skipping unreadable API key record at offset %d: %s", record.offset(), e.getMessage());
        }
    }

    /** Applies a key state; an older view never overwrites a revocation. */
    public void accept(ApiKeyState state) {
        keys.merge(state.keyHash(), state, (current, next) -> current.revokedAt() != null && next.revokedAt() == null ? current : next);
        unknown.remove(state.keyHash());
    }

    /** The key's state, or null when no such key exists. */
    public Uni<ApiKeyState> find(String keyHash) {
        ApiKeyState known = keys.get(keyHash);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Instant missedAt = unknown.get(keyHash);
        if (missedAt != null && missedAt.plus(NEGATIVE_TTL).isAfter(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        return lookup.find(keyHash)
                .onItem().invoke(state -> {
                    if (state != null) {
                        accept(state);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    if (!(failure instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() == 404)) {
                        LOG.warnf("API key lookup at auth-service failed: %s", failure.toString());
                    }
                    unknown.put(keyHash, Instant.now());
                    return null;
                });
    }
}
