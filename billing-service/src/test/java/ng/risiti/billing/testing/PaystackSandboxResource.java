package ng.risiti.billing.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import ng.risiti.paystack.sandbox.PaystackSandbox;

/**
 * The Paystack sandbox, in-process, once per test JVM (its URL is a system property, so every class loader Quarkus
 * uses attaches to the same one), and a second one with a key of its own as Paystack's test account
 * ({@code risiti.paystack.test-url}): test-mode checkouts and renewals must reach that one only. Tests point both
 * sandboxes' webhooks at the service with {@link BillingTestKit#pointWebhooksHere()} once Quarkus has its port.
 */
public class PaystackSandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_billing_tests";
    public static final String TEST_WORLD_SECRET_KEY = "sk_test_billing_tests_test_world";
    private static final String PROPERTY = "risiti.test.paystack-sandbox.url";
    private static final String TEST_WORLD_PROPERTY = "risiti.test.paystack-sandbox.test-url";

    @Override
    public Map<String, String> start() {
        synchronized (PROPERTY) {
            String url = System.getProperty(PROPERTY);
            if (url == null) {
                url = PaystackSandbox.start(PaystackSandbox.Settings.forTests(SECRET_KEY, null)).url();
                System.setProperty(PROPERTY, url);
                System.setProperty(TEST_WORLD_PROPERTY, PaystackSandbox.start(PaystackSandbox.Settings.forTests(TEST_WORLD_SECRET_KEY, null)).url());
            }
            return Map.of("risiti.paystack.url", url, "risiti.paystack.secret-key", SECRET_KEY,
                    "risiti.paystack.test-url", System.getProperty(TEST_WORLD_PROPERTY), "risiti.paystack.test-secret-key", TEST_WORLD_SECRET_KEY);
        }
    }

    @Override
    public void stop() {
        // lives as long as the JVM, like the other test infrastructure
    }
}
