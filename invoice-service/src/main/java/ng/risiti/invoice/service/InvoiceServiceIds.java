package ng.risiti.invoice.service;

import java.util.UUID;

/**
 * The NRS Service ID an IRN carries. Until a tenant's own ID reaches this service (settings, published by
 * auth-service on risiti.tenants.v1), a stable sandbox ID derived from the tenant id keeps IRNs in the NRS shape
 * and distinct between tenants.
 */
public final class InvoiceServiceIds {

    private InvoiceServiceIds() {
    }

    public static String sandbox(UUID tenantId) {
        // the low bits: a UUIDv7's leading bits are its creation time, shared by every tenant made that minute
        return String.format("%08X", tenantId.getLeastSignificantBits() & 0xFFFFFFFFL);
    }
}
