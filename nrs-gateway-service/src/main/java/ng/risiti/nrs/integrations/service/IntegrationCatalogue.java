package ng.risiti.nrs.integrations.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import ng.risiti.nrs.integrations.domain.Integration;
import ng.risiti.nrs.integrations.domain.Integration.Status;

/**
 * The integrations a business can use (seed 000, "Available Integrations") and the files that go with them. The
 * WooCommerce plugin and its guide are put on the classpath by this service's build (pom.xml, antrun), so what is
 * served is what was built; they are read once, at start (a few tens of kB).
 */
@ApplicationScoped
public class IntegrationCatalogue {

    public static final String PLUGIN_FILE = "risiti-woocommerce.zip";
    /** Matches the {@code Version:} header of integrations/woocommerce/risiti-woocommerce/risiti-woocommerce.php. */
    public static final String PLUGIN_VERSION = "1.0.0";

    private static final List<Integration> ALL = List.of(
            new Integration("woocommerce", "WooCommerce", "Sync orders, invoices, and receipts from your WordPress/WooCommerce store",
                    Status.AVAILABLE, PLUGIN_VERSION, "/downloads/" + PLUGIN_FILE, "/api/v1/integrations/woocommerce/guide", null),
            new Integration("shopify", "Shopify", "Automatically sync your Shopify orders and customer data",
                    Status.COMING_SOON, null, null, null, null),
            new Integration("custom", "Custom Integration", "Build your own integration using our REST API",
                    Status.AVAILABLE, null, null, null, "/docs"));

    private final byte[] plugin = read("downloads/" + PLUGIN_FILE);
    private final byte[] guide = read("downloads/risiti-woocommerce-guide.md");

    public List<Integration> all() {
        return ALL;
    }

    /** The plugin zip; empty only in a build that skipped generate-resources (an IDE run). */
    public Optional<byte[]> plugin() {
        return Optional.ofNullable(plugin);
    }

    /** The guide (Markdown) of an integration that has one. */
    public Optional<String> guide(String integrationId) {
        return "woocommerce".equals(integrationId) && guide != null ? Optional.of(new String(guide, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static byte[] read(String resource) {
        try (InputStream in = IntegrationCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
