package ng.risiti.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.CloudEventHeaders;
import ng.risiti.platform.events.TopicFollower;
import ng.risiti.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * This service's replica of every API key's state, read from the compacted {@code risiti.api-keys.v1} topic from the
 * beginning, so authenticating a key costs a hash and a map lookup. The service is not ready until the replica has read
 * the whole topic (a revoked key must never work right after a restart). A key the replica has not seen yet (created
 * a moment ago) is asked of auth-service once; unknown hashes are remembered briefly, in a bounded cache, so a flood
 * of bad keys can neither turn into a flood of lookups nor fill the memory.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    /** auth-service could not be asked: the key may be valid, so the caller hears 503, never "invalid key". */
    public static final class LookupUnavailable extends RuntimeException {
        LookupUnavailable(Throwable cause) {
            super("API keys cannot be checked right now", cause);
        }
    }

    private record Known(ApiKeyState state, long version) {
    }

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);
    private static final Duration NEGATIVE_TTL = Duration.ofMillis(500);
    private static final int NEGATIVE_CAPACITY = 10_000;

    private final Map<String, Known> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknown = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > NEGATIVE_CAPACITY;
        }
    };
    private final ApiKeyLookupClient lookup;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Object> kafka;
    private volatile TopicFollower follower;

    public ApiKeyRegistry(@RestClient ApiKeyLookupClient lookup, ObjectMapper json, Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.lookup = lookup;
        this.json = json;
        this.clock = clock;
        this.kafka = kafka;
    }

    void start(@Observes @Priority(20) StartupEvent ignored) {
        follower = TopicFollower.start(Topics.API_KEYS, kafka, this::onKeyState);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Whether every key state that was on the topic at start has been read. */
    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }

    void onKeyState(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            keys.remove(record.key());
            return;
        }
        try {
            accept(json.readValue(record.value(), ApiKeyState.class), version(record));
        } catch (IOException e) {
            LOG.errorf("Unreadable API key state at %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /**
     * Applies a key state unless the replica holds a newer one; a revocation is never undone by any view. A state
     * from the lookup has version 0, so the topic's next word on the key replaces it.
     */
    public void accept(ApiKeyState state, long version) {
        keys.merge(state.keyHash(), new Known(state, version), (current, next) -> {
            if (current.state().revokedAt() != null && next.state().revokedAt() == null) {
                return current;
            }
            return next.version() >= current.version() || next.state().revokedAt() != null ? next : current;
        });
        synchronized (unknown) {
            unknown.remove(state.keyHash());
        }
    }

    /** How many of a tenant's keys in one world work now (not revoked, not expired), as this replica knows them. */
    public long usableKeys(Tenancy tenancy) {
        Instant now = clock.instant();
        return keys.values().stream().map(Known::state).filter(state -> tenancy.tenantId().equals(state.tenantId())
                && state.test() == tenancy.test() && state.usableAt(now)).count();
    }

    /** The key's state, or null when no such key exists; fails with {@link LookupUnavailable} when that cannot be known. */
    public Uni<ApiKeyState> find(String keyHash) {
        Known known = keys.get(keyHash);
        if (known != null) {
            return Uni.createFrom().item(known.state());
        }
        Instant now = clock.instant();
        synchronized (unknown) {
            Instant missedAt = unknown.get(keyHash);
            if (missedAt != null && missedAt.plus(NEGATIVE_TTL).isAfter(now)) {
                return Uni.createFrom().nullItem();
            }
        }
        return lookup.find(keyHash)
                .onItem().invoke(state -> {
                    if (state != null) {
                        accept(state, 0);
                    }
                })
                .onFailure(ApiKeyRegistry::notFound).recoverWithItem(() -> {
                    synchronized (unknown) {
                        unknown.put(keyHash, clock.instant());
                    }
                    return null;
                })
                .onFailure(failure -> !(failure instanceof LookupUnavailable)).transform(failure -> {
                    LOG.warnf("API key lookup at auth-service failed: %s", failure.toString());
                    return new LookupUnavailable(failure);
                });
    }

    /** How many unknown hashes are remembered (bounded). */
    int unknownRemembered() {
        synchronized (unknown) {
            return unknown.size();
        }
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    /** A state record's aggregate version ({@code ce_aggregateversion}); 0 when it has none. */
    public static long version(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.AGGREGATE_VERSION);
        try {
            return header == null ? 0 : Long.parseLong(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
