package ng.risiti.invoice.tenants.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.tenants.repository.KnownTenantRepository;

/**
 * The NRS Service ID an IRN carries: the tenant's own, from its settings (published by auth-service on
 * risiti.tenants.v1). Until a tenant sets one, a stable sandbox ID derived from the tenant id keeps IRNs in the NRS
 * shape and distinct between tenants.
 */
@ApplicationScoped
public class NrsServiceIds {

    private final KnownTenantRepository tenants;

    public NrsServiceIds(KnownTenantRepository tenants) {
        this.tenants = tenants;
    }

    public Uni<String> of(UUID tenantId) {
        return Panache.withSession(() -> tenants.findById(tenantId))
                .map(tenant -> tenant != null && tenant.nrsServiceId != null ? tenant.nrsServiceId : sandbox(tenantId));
    }

    /** The Service ID of a tenant already at hand. */
    public static String of(KnownTenant tenant) {
        return tenant.nrsServiceId != null ? tenant.nrsServiceId : sandbox(tenant.id);
    }

    public static String sandbox(UUID tenantId) {
        // the low bits: a UUIDv7's leading bits are its creation time, shared by every tenant made that minute
        return String.format("%08X", tenantId.getLeastSignificantBits() & 0xFFFFFFFFL);
    }
}
