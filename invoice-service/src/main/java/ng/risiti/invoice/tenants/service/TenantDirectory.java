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
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.ratelimit.Entitlements;
import ng.risiti.platform.security.Caller;

/**
 * The tenant as the supplier of its documents, and what its plan lets it use. NRS submission, PDF, UBL XML and
 * credit notes need Starter or higher (docs/specification.md, Plans). A feature is granted by the tenant's entitlements
 * (billing-service's {@code risiti.entitlements.v1}, platform {@link Entitlements}) or by the plan on its
 * {@code risiti.tenants.v1} state, where an operator's plan (Enterprise) is set without a payment billing would see.
 * Test mode may use every feature, so an integrator can build against them before paying.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Set<String> STARTER_OR_HIGHER = Set.of("starter", "growth", "enterprise");

    private final KnownTenantRepository tenants;
    private final Entitlements entitlements;

    public TenantDirectory(KnownTenantRepository tenants, Entitlements entitlements) {
        this.tenants = tenants;
        this.entitlements = entitlements;
    }

    /** The tenant, or null while its first event has not reached this service. */
    public Uni<KnownTenant> find(UUID tenantId) {
        return Panache.withSession(() -> tenants.findById(tenantId));
    }

    /** The tenant; 503 while its first event has not reached this service (moments after registration at most). */
    public Uni<KnownTenant> supplier(UUID tenantId) {
        return find(tenantId).onItem().ifNull().failWith(() -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "This business's details have not reached the invoice service yet; retry in a moment."));
    }

    /**
     * The tenant, or 402 FEATURE_NOT_AVAILABLE naming the plan it needs.
     *
     * @param entitlement the feature's slug in the entitlements ({@link EntitlementState#PDF} ...)
     * @param feature what the message calls it ("PDF downloads")
     */
    public Uni<KnownTenant> requireDocuments(Caller caller, String entitlement, String feature) {
        return supplier(caller.tenantId()).invoke(tenant -> {
            EntitlementState granted = entitlements.find(caller.tenancy());
            if (!caller.test() && !entitled(tenant) && (granted == null || !granted.has(entitlement))) {
                String plan = granted != null ? granted.planSlug() : tenant.planSlug;
                throw new ApiException(ErrorCode.FEATURE_NOT_AVAILABLE, feature + " need the Starter plan or higher; this business is on the "
                        + (plan == null ? "Free" : capitalized(plan)) + " plan.");
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
