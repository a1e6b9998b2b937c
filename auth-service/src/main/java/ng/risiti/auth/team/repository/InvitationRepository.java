package ng.risiti.auth.team.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.team.domain.Invitation;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<Invitation> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Invitation> findPending(UUID tenantId, UUID id, OffsetDateTime now) {
        return find("id = ?1 and tenantId = ?2 and acceptedAt is null and revokedAt is null and expiresAt > ?3", id, tenantId, now)
                .firstResult();
    }

    /** Pending, unexpired invitations in id (= creation) order after {@code afterId} when given. */
    public Uni<List<Invitation>> listPending(UUID tenantId, UUID afterId, OffsetDateTime now, int limit) {
        var query = afterId == null
                ? find("tenantId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 order by id", tenantId, now)
                : find("tenantId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 and id > ?3 order by id",
                        tenantId, now, afterId);
        return query.range(0, limit - 1).list();
    }

    /**
     * Revokes the email's open invitation in this tenant, expired or not, before a new one is stored: an immediate
     * update, because Hibernate would flush the new row's insert before a dirty entity's update.
     */
    public Uni<Integer> revokeOpen(UUID tenantId, String email, OffsetDateTime now) {
        return update("revokedAt = ?1 where tenantId = ?2 and email = ?3 and acceptedAt is null and revokedAt is null", now, tenantId, email);
    }
}
