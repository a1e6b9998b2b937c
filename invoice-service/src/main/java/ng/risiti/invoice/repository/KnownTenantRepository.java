package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownTenant;
import ng.risiti.platform.events.contract.TenantState;

/** This service's replica of tenants' invoicing settings (see TenantStateConsumer). */
@ApplicationScoped
public class KnownTenantRepository implements PanacheRepositoryBase<KnownTenant, UUID> {

    /** Upserts the tenant unless the replica already reflects a newer event of it. */
    public Uni<Void> apply(TenantState state, long version) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into known_tenants as t (id, name, tin, nrs_service_id, updated_at, version) values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (id) do update set name = excluded.name, tin = excluded.tin, nrs_service_id = excluded.nrs_service_id,
                            updated_at = excluded.updated_at, version = excluded.version
                        where t.version < excluded.version""")
                .setParameter(1, state.tenantId())
                .setParameter(2, state.name())
                .setParameter(3, state.tin())
                .setParameter(4, state.nrsServiceId())
                .setParameter(5, state.updatedAt())
                .setParameter(6, version)
                .executeUpdate()).replaceWithVoid();
    }
}
