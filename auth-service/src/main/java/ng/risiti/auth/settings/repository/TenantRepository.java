package ng.risiti.auth.settings.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.account.domain.Tenant;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

    /** Locked until the transaction ends: every change to a tenant or its team takes this lock first. */
    public Uni<Tenant> findForUpdate(UUID tenantId) {
        return findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The tenant of the current member with {@code email} (normalized), or null; removed members are not found. */
    public Uni<Tenant> findByMemberEmail(String email) {
        return find("id = (select u.tenantId from User u where u.email = ?1 and u.removedAt is null)", email).firstResult();
    }
}
