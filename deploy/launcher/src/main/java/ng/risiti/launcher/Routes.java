package ng.risiti.launcher;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one routing table of the local gateway (docs/architecture.md, "Services and what each owns"): path prefix
 * to owning service, longest prefix wins, matched on whole path segments. Services serve full paths, so the
 * gateway forwards them unchanged. The Helm chart's Ingress carries the same table (deploy/helm/risiti/values.yaml
 * {@code routes}; HelmChartTests keeps the two equal).
 */
public final class Routes {

    public static final String AUTH = "auth-service";
    public static final String CUSTOMER = "customer-service";
    public static final String INVOICE = "invoice-service";
    public static final String BILLING = "billing-service";
    public static final String NRS_GATEWAY = "nrs-gateway-service";
    public static final String WEBHOOK = "webhook-service";

    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("/api/v1/auth", AUTH),
            Map.entry("/api/v1/api-keys", AUTH),
            Map.entry("/api/v1/team", AUTH),
            Map.entry("/api/v1/settings", AUTH),
            Map.entry("/.well-known/jwks.json", AUTH),
            Map.entry("/api/v1/.well-known/jwks.json", AUTH),

            Map.entry("/api/v1/customers", CUSTOMER),
            Map.entry("/v1/customers", CUSTOMER),
            Map.entry("/api/v1/verifications", CUSTOMER),

            Map.entry("/api/v1/invoices", INVOICE),
            Map.entry("/api/v1/payments", INVOICE),
            Map.entry("/api/v1/receipts", INVOICE),
            Map.entry("/api/v1/tax-rates", INVOICE),
            Map.entry("/api/v1/tax-reports", INVOICE),
            Map.entry("/api/v1/reports", INVOICE),
            Map.entry("/api/v1/journal", INVOICE),
            Map.entry("/api/v1/expenses", INVOICE),
            Map.entry("/api/v1/p", INVOICE),
            Map.entry("/p", INVOICE),
            Map.entry("/v1/invoices", INVOICE),
            Map.entry("/v1/receipts", INVOICE),
            Map.entry("/v1/reports", INVOICE),

            Map.entry("/api/v1/billing", BILLING),
            Map.entry("/api/v1/api-credits", BILLING),
            Map.entry("/api/v1/webhooks/paystack", BILLING),

            Map.entry("/api/v1/settings/integrations", NRS_GATEWAY),
            Map.entry("/api/v1/nrs", NRS_GATEWAY),
            Map.entry("/api/v1/integrations", NRS_GATEWAY),
            Map.entry("/downloads", NRS_GATEWAY),

            Map.entry("/api/v1/webhooks", WEBHOOK));

    /** Longest first, so the first match is the longest prefix. */
    private static final List<Map.Entry<String, String>> BY_LENGTH = TABLE.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
            .toList();

    public static final List<String> SERVICES = List.of(AUTH, CUSTOMER, INVOICE, BILLING, NRS_GATEWAY, WEBHOOK);

    private Routes() {
    }

    /** The service owning {@code path} (no query string), or empty when no prefix matches. */
    public static Optional<String> resolve(String path) {
        if (path == null || path.isEmpty() || hasDotSegment(path)) {
            return Optional.empty();
        }
        for (var e : BY_LENGTH) {
            String prefix = e.getKey();
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public static Map<String, String> table() {
        return TABLE;
    }

    // "/api/v1/customers/../auth" must not reach a service chosen by its first segments.
    private static boolean hasDotSegment(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.contains("/../") || p.endsWith("/..") || p.contains("%2e%2e") || p.contains("/./") || p.endsWith("/.");
    }
}
