package ng.risiti.billing.entitlements.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.platform.persistence.SessionSql;

/** The plan auth-service gives each tenant ({@code tenant_plans}, from {@code risiti.tenants.v1}). */
@ApplicationScoped
public class TenantPlanRepository {

    /** Keeps {@code planSlug} unless a newer version is held; answers whether it was applied. */
    public Uni<Boolean> apply(UUID tenantId, String planSlug, long version) {
        return SessionSql.update("""
                insert into tenant_plans as t (tenant_id, plan_slug, version) values ($1, $2, $3)
                on conflict (tenant_id) do update set plan_slug = excluded.plan_slug, version = excluded.version
                where t.version <= excluded.version""", tenantId, planSlug, version).map(rows -> rows > 0);
    }

    /** The tenant's plan slug, or null before its first state arrived. */
    public Uni<String> find(UUID tenantId) {
        return SessionSql.rows("select plan_slug from tenant_plans where tenant_id = $1", tenantId)
                .map(rows -> rows.isEmpty() ? null : (String) rows.get(0)[0]);
    }
}
