package ng.risiti.auth.mfa.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;

/**
 * The users whose second factor this context keeps (account's entity; its {@code mfa_*} columns are MFA's), locked
 * while they are read and written: a TOTP step is accepted once, and a backup code spent once.
 */
@ApplicationScoped
public class MfaUserRepository implements PanacheRepositoryBase<User, UUID> {

    /** A current member of the tenant; removed members and other tenants' users are not found. */
    public Uni<User> findInTenantForUpdate(UUID tenantId, UUID userId) {
        return find("id = ?1 and tenantId = ?2 and removedAt is null", userId, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<User> findForUpdate(UUID userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
