package ng.risiti.billing.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import ng.risiti.paystack.sandbox.PaystackSandbox;

/**
 * The Paystack sandbox, in-process, once per test JVM (its URL is a system property, so every class loader Quarkus
 * uses attaches to the same one). Tests point its webhooks at the service with {@link BillingTestKit#pointWebhooksHere()}
 * once Quarkus has its port.
 */
public class PaystackSandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_billing_tests";
    private static final String PROPERTY = "risiti.test.paystack-sandbox.url";

    @Override
    public Map<String, String> start() {
        synchronized (PROPERTY) {
            String url = System.getProperty(PROPERTY);
            if (url == null) {
                url = PaystackSandbox.start(PaystackSandbox.Settings.forTests(SECRET_KEY, null)).url();
                System.setProperty(PROPERTY, url);
            }
            return Map.of("risiti.paystack.url", url, "risiti.paystack.secret-key", SECRET_KEY);
        }
    }

    @Override
    public void stop() {
        // lives as long as the JVM, like the other test infrastructure
    }
}
