package ng.risiti.auth.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.account.User;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** {@code email} must already be normalized (trimmed, lower case). */
    public Uni<User> findByEmail(String email) {
        return find("email", email).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("email", email).map(count -> count > 0);
    }

    public Uni<User> findInTenant(UUID tenantId, UUID userId) {
        return find("id = ?1 and tenantId = ?2", userId, tenantId).firstResult();
    }

    public Uni<User> findInTenantForUpdate(UUID tenantId, UUID userId) {
        return find("id = ?1 and tenantId = ?2", userId, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<User> findByIdForUpdate(UUID userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
