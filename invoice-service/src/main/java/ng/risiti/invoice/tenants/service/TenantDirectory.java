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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final KnownTenantRepository tenants;
    private final TenantLookupClient lookup;
    private final Entitlements entitlements;

    public TenantDirectory(KnownTenantRepository tenants, @RestClient TenantLookupClient lookup, Entitlements entitlements) {
        this.tenants = tenants;
        this.lookup = lookup;
        this.entitlements = entitlements;
    }

    /**
     * The tenant: from the replica, or for one registered a moment ago whose first event has not arrived yet, from one
     * lookup at auth-service whose answer is kept in the replica (the event, when it comes, is newer and wins). Null
     * only when auth-service does not know it either.
     */
    public Uni<KnownTenant> find(UUID tenantId) {
        return Panache.withSession(() -> tenants.findById(tenantId))
                .flatMap(known -> known != null ? Uni.createFrom().item(known) : askAuthService(tenantId));
    }

    /** The tenant; 503 while neither the replica nor auth-service can answer for it. */
    public Uni<KnownTenant> supplier(UUID tenantId) {
        return find(tenantId).onItem().ifNull().failWith(() -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "This business's details have not reached the invoice service yet; retry in a moment."));
    }

    private Uni<KnownTenant> askAuthService(UUID tenantId) {
        return lookup.find(tenantId)
                .onFailure().recoverWithItem(failure -> {
                    // unreachable or unknown: the caller answers 503 as before the lookup existed
                    LOG.warnf("Tenant lookup of %s at auth-service failed: %s", tenantId, failure.toString());
                    return null;
                })
                .flatMap(state -> state == null ? Uni.createFrom().nullItem()
                        : Panache.withTransaction(() -> tenants.apply(state, 0).chain(() -> tenants.findById(tenantId))));
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
