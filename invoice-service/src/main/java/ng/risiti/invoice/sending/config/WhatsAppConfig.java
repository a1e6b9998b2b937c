package ng.risiti.invoice.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The WhatsApp Cloud API (Meta's Graph API) and the business number invoices are sent from. Locally and in tests a
 * simulator stands in for it; test-mode sends go to {@code test-url} when it is set, so an {@code rs_test_} key never
 * reaches a real customer's phone.
 */
@ConfigMapping(prefix = "risiti.whatsapp")
public interface WhatsAppConfig {

    /** Base URL: {@code https://graph.facebook.com} in production. */
    String url();

    /** Base URL for test-mode sends; without it, {@link #url()}. */
    Optional<String> testUrl();

    @WithDefault("v21.0")
    String apiVersion();

    /** The sending business number's id in Meta's WhatsApp Manager. */
    String phoneNumberId();

    /** A system user's access token (a production secret). */
    String token();

    /** The approved template: its body takes {{1}} business, {{2}} invoice number, {{3}} amount due, {{4}} link. */
    @WithDefault("invoice_notification")
    String template();

    @WithDefault("en")
    String language();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();
}
