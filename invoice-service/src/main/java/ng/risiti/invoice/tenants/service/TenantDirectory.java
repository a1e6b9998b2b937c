package ng.risiti.invoice.tenants.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.tenants.repository.KnownTenantRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Caller;

/**
 * The tenant as the supplier of its documents, and what its plan lets it use. PDF, UBL XML and credit notes need
 * Starter or higher (docs/specification.md, Plans). The plan comes from the tenant's state on risiti.tenants.v1 until
 * billing-service publishes entitlements; then only {@link #entitled} changes. Test mode may use every feature, so an
 * integrator can build against them before paying.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Set<String> STARTER_OR_HIGHER = Set.of("starter", "growth", "enterprise");

    private final KnownTenantRepository tenants;

    public TenantDirectory(KnownTenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The tenant; 503 while its first event has not reached this service (moments after registration at most). */
    public Uni<KnownTenant> supplier(UUID tenantId) {
        return Panache.withSession(() -> tenants.findById(tenantId))
                .onItem().ifNull().failWith(() -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "This business's details have not reached the invoice service yet; retry in a moment."));
    }

    /** The tenant, or 402 FEATURE_NOT_AVAILABLE naming the plan it needs. */
    public Uni<KnownTenant> requireDocuments(Caller caller, String feature) {
        return supplier(caller.tenantId()).invoke(tenant -> {
            if (!caller.test() && !entitled(tenant)) {
                throw new ApiException(ErrorCode.FEATURE_NOT_AVAILABLE, feature + " need the Starter plan or higher; this business is on the "
                        + (tenant.planSlug == null ? "Free" : capitalized(tenant.planSlug)) + " plan.");
            }
        });
    }

    static boolean entitled(KnownTenant tenant) {
        return tenant.planSlug != null && STARTER_OR_HIGHER.contains(tenant.planSlug);
    }

    private static String capitalized(String slug) {
        return slug.isEmpty() ? slug : Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }
}
