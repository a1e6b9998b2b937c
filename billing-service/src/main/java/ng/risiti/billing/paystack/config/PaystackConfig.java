package ng.risiti.billing.paystack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Paystack's API and our secret keys. Locally and in tests the Paystack sandbox stands in for it; test-mode
 * ({@code rs_test_}) checkouts go to {@code test-url} with {@code test-secret-key} when set, so test traffic never
 * reaches the live account.
 */
@ConfigMapping(prefix = "risiti.paystack")
public interface PaystackConfig {

    /** Base URL: {@code https://api.paystack.co} in production. */
    String url();

    /** The live secret key ({@code sk_live_...}): Bearer on API calls and the key webhooks are signed with. */
    String secretKey();

    Optional<String> testUrl();

    /** The test secret key ({@code sk_test_...}); without it, {@link #secretKey()}. */
    Optional<String> testSecretKey();

    /** Where Paystack sends the payer after checkout; without it, the dashboard's callback URL. */
    Optional<String> callbackUrl();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();
}
