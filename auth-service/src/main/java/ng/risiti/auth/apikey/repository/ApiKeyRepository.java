package ng.risiti.auth.apikey.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.apikey.domain.ApiKey;
import ng.risiti.platform.pagination.PageRequest;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public static final String CURSOR_ID = "id";

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
}
