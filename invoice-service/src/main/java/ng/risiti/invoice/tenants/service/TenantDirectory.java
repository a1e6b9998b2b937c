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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The tenant as the supplier of its documents, and what its plan lets it use. PDF, UBL XML and credit notes need
 * Starter or higher (docs/specification.md, Plans). The plan comes from the tenant's state on risiti.tenants.v1 until
 * billing-service publishes entitlements; then only {@link #entitled} changes. Test mode may use every feature, so an
 * integrator can build against them before paying.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Set<String> STARTER_OR_HIGHER = Set.of("starter", "growth", "enterprise");

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    private final KnownTenantRepository tenants;
    private final TenantLookupClient lookup;

    public TenantDirectory(KnownTenantRepository tenants, @RestClient TenantLookupClient lookup) {
        this.tenants = tenants;
        this.lookup = lookup;
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
