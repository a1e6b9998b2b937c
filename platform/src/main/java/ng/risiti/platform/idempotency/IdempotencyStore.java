package ng.risiti.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import ng.risiti.platform.config.IdempotencyConfig;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.persistence.SessionSql;

/**
 * Stored outcomes per (scope, Idempotency-Key), in the service's own database, written by statements of the request's
 * own transaction. A claim is a row insert: of two concurrent duplicates the second waits on the first's uncommitted
 * row and then sees its outcome (or, if the first rolled back, proceeds itself). Bodies are sealed with the service
 * key, so tokens in a response (an invoice's public_token) are not at rest in the clear.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a key already holds. */
    public record Stored(String requestHash, int status, String contentType, Map<String, String> headers, byte[] body, boolean secret) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final Pool pool;
    private final IdempotencyConfig config;
    private final SecretBox box;
    private final ObjectMapper json;

    public IdempotencyStore(Pool pool, IdempotencyConfig config, SecretBox box, ObjectMapper json) {
        this.pool = pool;
        this.config = config;
        this.box = box;
        this.json = json;
    }

    /**
     * In the current transaction: null when this request now owns the key (an expired outcome counts as none);
     * otherwise the outcome the key holds. Waits at most {@code waitForInFlight} for a duplicate in flight, then fails
     * with PostgreSQL's lock timeout. One round trip (the function {@code idempotency_claim}, platform V0_3).
     */
    public Uni<Stored> claim(String scope, String key, String requestHash) {
        return SessionSql.rows("select request_hash, status, content_type, headers, body, secret from idempotency_claim($1, $2, $3, $4, $5)",
                        scope, key, requestHash, (double) config.ttl().toSeconds(), config.waitForInFlight().toMillis() + "ms")
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.getFirst();
                    return new Stored((String) row[0], ((Number) row[1]).intValue(), (String) row[2], headers((String) row[3]),
                            row[4] == null ? null : box.open(bytes(row[4]), context(scope, key)), (Boolean) row[5]);
                });
    }

    /** In the current transaction: the outcome a repeat will replay; a secret response keeps only its status. */
    public Uni<Void> complete(String scope, String key, int status, String contentType, Map<String, String> headers, byte[] body,
            boolean secret) {
        byte[] sealed = secret || body == null ? null : box.seal(body, context(scope, key));
        String storedHeaders;
        try {
            storedHeaders = headers.isEmpty() ? null : json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return SessionSql.update("""
                        update idempotency_keys set status = $3, content_type = $4, headers = $5, body = $6, secret = $7
                        where scope = $1 and idempotency_key = $2""", scope, key, status, secret ? null : contentType,
                secret ? null : storedHeaders, sealed == null ? null : Buffer.buffer(sealed), secret)
                .replaceWithVoid();
    }

    /** In the current transaction: the request ended without an outcome worth replaying (an error); the key stays free. */
    public Uni<Void> release(String scope, String key) {
        return SessionSql.update("delete from idempotency_keys where scope = $1 and idempotency_key = $2", scope, key).replaceWithVoid();
    }

    /** bytea arrives as a Vert.x buffer from the pg client. */
    private static byte[] bytes(Object value) {
        return value instanceof Buffer buffer ? buffer.getBytes() : (byte[]) value;
    }

    /** Outcomes are replayed for the TTL (24 h) and then deleted, a slice at a time. */
    @Scheduled(every = "${risiti.idempotency.purge-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("""
                        delete from idempotency_keys where ctid = any(array(
                            select ctid from idempotency_keys where created_at < now() - make_interval(secs => $1) limit 5000))""")
                .execute(Tuple.of((double) config.ttl().toSeconds()))
                .flatMap(rows -> rows.rowCount() == 5000 ? purge() : Uni.createFrom().voidItem());
    }

    private Map<String, String> headers(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String context(String scope, String key) {
        return "idempotency:" + scope + ":" + key;
    }

    static List<String> replayedHeaders() {
        return List.of("Location");
    }
}
