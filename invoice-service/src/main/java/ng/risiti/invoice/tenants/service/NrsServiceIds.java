package ng.risiti.invoice.tenants.service;

import java.util.UUID;
import ng.risiti.invoice.tenants.domain.KnownTenant;

/**
 * The NRS Service ID an IRN carries: the tenant's own, from its settings (published by auth-service on
 * risiti.tenants.v1). Until a tenant sets one, a stable sandbox ID derived from the tenant id keeps IRNs in the NRS
 * shape and distinct between tenants.
 */
public final class NrsServiceIds {

    private NrsServiceIds() {
    }

    /** The Service ID of a tenant this service knows. */
    public static String of(KnownTenant tenant) {
        return tenant.nrsServiceId != null ? tenant.nrsServiceId : sandbox(tenant.id);
    }

    public static String sandbox(UUID tenantId) {
        // the low bits: a UUIDv7's leading bits are its creation time, shared by every tenant made that minute
        return String.format("%08X", tenantId.getLeastSignificantBits() & 0xFFFFFFFFL);
    }
}
