package ng.risiti.platform.security;

import java.util.List;

/** API scopes (docs/api-rules.md, Scopes); they are also the security roles endpoints require with {@code @RolesAllowed}. */
public final class Scope {

    public static final String INVOICES_READ = "invoices:read";
    public static final String INVOICES_WRITE = "invoices:write";
    public static final String CUSTOMERS_READ = "customers:read";
    public static final String CUSTOMERS_WRITE = "customers:write";
    public static final String PAYMENTS_WRITE = "payments:write";
    public static final String REPORTS_READ = "reports:read";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String ADMIN = "admin";

    /** Every scope a key or role can hold, in the API reference's order. */
    public static final List<String> ALL = List.of(INVOICES_READ, INVOICES_WRITE, CUSTOMERS_READ, CUSTOMERS_WRITE,
            PAYMENTS_WRITE, REPORTS_READ, WEBHOOKS_MANAGE, ADMIN);

    private Scope() {
    }

    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }
}
