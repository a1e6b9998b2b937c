package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownTenant;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.persistence.SessionSql;

/** This service's replica of tenants' invoicing settings (see TenantStateConsumer). */
@ApplicationScoped
public class KnownTenantRepository implements PanacheRepositoryBase<KnownTenant, UUID> {

    /** Upserts the tenant unless the replica already reflects a newer event of it. */
    public Uni<Void> apply(TenantState state, long version) {
        return SessionSql.update("""
                        insert into known_tenants as t (id, name, tin, nrs_service_id, updated_at, version) values ($1, $2, $3, $4, $5, $6)
                        on conflict (id) do update set name = excluded.name, tin = excluded.tin, nrs_service_id = excluded.nrs_service_id,
                            updated_at = excluded.updated_at, version = excluded.version
                        where t.version < excluded.version""", state.tenantId(), state.name(), state.tin(), state.nrsServiceId(),
                state.updatedAt(), version).replaceWithVoid();
    }
}
