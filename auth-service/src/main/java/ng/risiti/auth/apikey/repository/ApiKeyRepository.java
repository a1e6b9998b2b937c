package ng.risiti.auth.apikey.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.platform.pagination.PageRequest;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public static final String CURSOR_ID = "id";

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first; ids are UUIDv7, so id order is creation order and a stable keyset. */
    public Uni<List<ApiKey>> listLive(UUID tenantId, PageRequest page) {
        var query = page.first()
                ? find("tenantId = ?1 and revokedAt is null order by id desc", tenantId)
                : find("tenantId = ?1 and revokedAt is null and id < ?2 order by id desc", tenantId, UUID.fromString(page.after(CURSOR_ID)));
        return query.range(0, page.fetchSize() - 1).list();
    }

    public Uni<ApiKey> findLive(UUID tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2 and revokedAt is null", id, tenantId).firstResult();
    }

    /** Every live key a member created: they go when the member does. */
    public Uni<List<ApiKey>> liveCreatedBy(UUID tenantId, UUID userId) {
        return list("tenantId = ?1 and createdBy = ?2 and revokedAt is null", tenantId, userId);
    }

    public Uni<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResult();
    }

    /**
     * Moves each key's {@code last_used_at} forward to its time in {@code usedAt} (same index in {@code ids}), in ONE
     * statement however many keys. {@code greatest} and the {@code where} make it idempotent and order-free: a
     * redelivered or late time never moves a key back, and an unchanged key is not rewritten. Returns the rows changed.
     */
    public Uni<Integer> recordLastUse(UUID[] ids, OffsetDateTime[] usedAt) {
        return pool.preparedQuery("""
                        update api_keys k set last_used_at = greatest(k.last_used_at, u.used_at)
                        from unnest($1::uuid[], $2::timestamptz[]) as u(id, used_at)
                        where k.id = u.id and (k.last_used_at is null or k.last_used_at < u.used_at)""")
                .execute(Tuple.of(ids, usedAt))
                .map(result -> result.rowCount());
    }
}
