package ng.risiti.auth.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.team.domain.Role;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** {@code email} must already be normalized (trimmed, lower case). Removed members are not found. */
    public Uni<User> findByEmail(String email) {
        return find("email = ?1 and removedAt is null", email).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("email = ?1 and removedAt is null", email).map(count -> count > 0);
    }

    /** A current member of the tenant; removed members and other tenants' users are not found. */
    public Uni<User> findInTenant(UUID tenantId, UUID userId) {
        return find("id = ?1 and tenantId = ?2 and removedAt is null", userId, tenantId).firstResult();
    }

    /** The tenant's owner (the first, should there ever be several), or null. */
    public Uni<User> findOwner(UUID tenantId) {
        return find("tenantId = ?1 and role = ?2 and removedAt is null order by createdAt", tenantId, Role.OWNER).firstResult();
    }

    public Uni<User> findByIdForUpdate(UUID userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
