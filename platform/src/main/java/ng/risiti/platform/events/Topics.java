package ng.risiti.platform.events;

import java.util.List;

/** The public, versioned Kafka topics. State topics are compacted: the latest record per key is the truth. */
public final class Topics {

    public static final String TENANTS = "risiti.tenants.v1";
    public static final String API_KEYS = "risiti.api-keys.v1";
    public static final String CUSTOMERS = "risiti.customers.v1";
    public static final String ENTITLEMENTS = "risiti.entitlements.v1";
    public static final String INVOICES = "risiti.invoices.v1";
    public static final String NRS = "risiti.nrs.v1";
    public static final String BILLING = "risiti.billing.v1";
    public static final String API_USAGE = "risiti.api-usage.v1";
    /** Revoked sessions (key = session id): every service refuses their access tokens at once. */
    public static final String SESSIONS = "risiti.sessions.v1";
    /** Data export requests (key = export id): every service contributes the tenant's data it holds. */
    public static final String DATA_EXPORTS = "risiti.data-exports.v1";
    /** Every service's part of a data export, in chunks (key = export id): auth-service builds the archive. */
    public static final String DATA_EXPORT_PARTS = "risiti.data-export-parts.v1";
    /** TIN and NIN verifications done (key = verification id), each with what it costs: billing charges credits for them. */
    public static final String VERIFICATIONS = "risiti.verifications.v1";

    public static final List<String> COMPACTED = List.of(TENANTS, API_KEYS, CUSTOMERS, ENTITLEMENTS, SESSIONS);
    public static final List<String> ALL = List.of(TENANTS, API_KEYS, CUSTOMERS, ENTITLEMENTS, INVOICES, NRS, BILLING, API_USAGE, SESSIONS,
            DATA_EXPORTS, DATA_EXPORT_PARTS, VERIFICATIONS);

    private Topics() {
    }
}
