package ng.risiti.invoice.service;

import java.util.UUID;

/**
 * The NRS Service ID an IRN carries. Until a tenant's own ID reaches this service (settings, published by
 * auth-service on risiti.tenants.v1), a stable sandbox ID derived from the tenant id keeps IRNs in the NRS shape.
 */
public final class InvoiceServiceIds {

    private InvoiceServiceIds() {
    }

    public static String sandbox(UUID tenantId) {
        return tenantId.toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
