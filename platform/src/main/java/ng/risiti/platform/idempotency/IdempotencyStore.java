package ng.risiti.platform.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.config.IdempotencyConfig;

/**
 * Stored first responses per (scope, Idempotency-Key), in the service's own database. A claim is a row insert, so
 * of two concurrent duplicates exactly one proceeds; the other waits for the stored response.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a key already holds. {@code status == null} while the first request is still running. */
    public record Stored(String requestHash, Integer status, String contentType, String body, boolean secret) {
        public boolean completed() {
            return status != null;
        }
    }

    private final Pool pool;
    private final IdempotencyConfig config;

    public IdempotencyStore(Pool pool, IdempotencyConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Returns null when this call now owns the key; otherwise what the key holds. */
    public Uni<Stored> claim(String scope, String key, String requestHash) {
        long ttlSeconds = config.ttl().toSeconds();
        return pool.preparedQuery("delete from idempotency_keys where scope = $1 and idempotency_key = $2 and created_at < now() - make_interval(secs => $3)")
                .execute(Tuple.of(scope, key, (double) ttlSeconds))
                .flatMap(ignored -> pool.preparedQuery("""
                                insert into idempotency_keys (scope, idempotency_key, request_hash, created_at)
                                values ($1, $2, $3, now()) on conflict do nothing returning 1""")
                        .execute(Tuple.of(scope, key, requestHash)))
                .flatMap(inserted -> inserted.size() == 1 ? Uni.createFrom().nullItem() : find(scope, key));
    }

    public Uni<Stored> find(String scope, String key) {
        return pool.preparedQuery("select request_hash, status, content_type, body, secret from idempotency_keys where scope = $1 and idempotency_key = $2")
                .execute(Tuple.of(scope, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Stored(row.getString("request_hash"), row.getInteger("status"), row.getString("content_type"), row.getString("body"),
                            row.getBoolean("secret"));
                });
    }

    public Uni<Void> complete(String scope, String key, int status, String contentType, String body) {
        return pool.preparedQuery("update idempotency_keys set status = $3, content_type = $4, body = $5, completed_at = now() where scope = $1 and idempotency_key = $2")
                .execute(Tuple.of(scope, key, status, contentType, body))
                .replaceWithVoid();
    }

    /** Records that the first request finished without keeping its response, which held a secret. */
    public Uni<Void> completeWithoutBody(String scope, String key, int status) {
        return pool.preparedQuery("update idempotency_keys set status = $3, secret = true, completed_at = now() where scope = $1 and idempotency_key = $2")
                .execute(Tuple.of(scope, key, status))
                .replaceWithVoid();
    }

    /** Frees a key whose first request failed on our side, so the client's retry runs again. */
    public Uni<Void> release(String scope, String key) {
        return pool.preparedQuery("delete from idempotency_keys where scope = $1 and idempotency_key = $2 and status is null")
                .execute(Tuple.of(scope, key))
                .replaceWithVoid();
    }
}
