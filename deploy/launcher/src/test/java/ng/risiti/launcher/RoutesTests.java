package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutesTests {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/auth/login, auth-service",
            "/api/v1/api-keys, auth-service",
            "/api/v1/team/members/42, auth-service",
            "/api/v1/settings, auth-service",
            "/api/v1/settings/invoice-defaults, auth-service",
            "/.well-known/jwks.json, auth-service",
            "/api/v1/.well-known/jwks.json, auth-service",
            "/api/v1/customers/cus_1, customer-service",
            "/v1/customers/find-or-create, customer-service",
            "/api/v1/verifications, customer-service",
            "/api/v1/invoices/inv_1/finalize, invoice-service",
            "/api/v1/p/tok_123/pay, invoice-service",
            "/p/tok_123, invoice-service",
            "/v1/receipts, invoice-service",
            "/v1/reports/profit-and-loss, invoice-service",
            "/api/v1/journal/01954def-0000-7000-8000-000000000001, invoice-service",
            "/api/v1/expenses, invoice-service",
            "/api/v1/billing/subscription, billing-service",
            "/api/v1/api-credits, billing-service",
            "/api/v1/nrs/submissions, nrs-gateway-service",
            "/api/v1/integrations, nrs-gateway-service",
            "/api/v1/integrations/woocommerce/guide, nrs-gateway-service",
            "/downloads/risiti-woocommerce.zip, nrs-gateway-service",
            "/api/v1/webhooks/wh_1/deliveries, webhook-service",
    })
    void routesToTheOwningService(String path, String service) {
        assertThat(Routes.resolve(path)).contains(service);
    }

    @Test
    void longestPrefixWins() {
        assertThat(Routes.resolve("/api/v1/settings/integrations")).contains(Routes.NRS_GATEWAY);
        assertThat(Routes.resolve("/api/v1/settings/integrations/nrs/test")).contains(Routes.NRS_GATEWAY);
        assertThat(Routes.resolve("/api/v1/settings/integrationsX")).contains(Routes.AUTH);
        assertThat(Routes.resolve("/api/v1/webhooks/paystack")).contains(Routes.BILLING);
        assertThat(Routes.resolve("/api/v1/webhooks")).contains(Routes.WEBHOOK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/x", "/api/v1", "/api/v1/unknown", "/api/v1/customersX", "/v1/invoicesfoo",
            "/q/metrics", "/api/v1/customers/../auth/login", "/api/v1/customers/%2e%2e/auth"})
    void unknownPathsHaveNoRoute(String path) {
        assertThat(Routes.resolve(path)).isEmpty();
    }

    @Test
    void everyServiceOwnsSomething() {
        assertThat(Routes.table().values()).containsAll(Routes.SERVICES);
    }
}
