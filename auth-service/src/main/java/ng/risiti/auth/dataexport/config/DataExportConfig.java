package ng.risiti.auth.dataexport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** NDPR data exports ({@code POST /settings/data-export}; docs/specification.md, Data export). */
@ConfigMapping(prefix = "risiti.auth.data-export")
public interface DataExportConfig {

    /** Every service that holds tenant data: each must answer (its {@code quarkus.application.name}). */
    @WithDefault("auth-service,customer-service,invoice-service,billing-service,nrs-gateway-service,webhook-service")
    List<String> services();

    /** The download link is valid for 24 hours; the archive is deleted after it (docs/specification.md, Data export). */
    @WithDefault("PT24H")
    Duration linkLifetime();

    /** An export still waiting for a service after this fails, naming the services that did not answer. */
    @WithDefault("PT30M")
    Duration timeout();

    /** Signs download links (HMAC-SHA-256); set RISITI_AUTH_DATA_EXPORT_LINK_SECRET in production. */
    @WithDefault("local-data-export-link-secret-override-in-production")
    String linkSecret();

    /** Base URL of the public API in download links (the gateway locally, the Ingress in production). */
    @WithDefault("http://localhost:8080")
    String apiUrl();

    /** How often timed-out exports are failed and expired archives deleted. */
    @WithDefault("1m")
    String sweepInterval();

    /** The archive is stored in parts of this many bytes, so neither building nor downloading it holds it whole. */
    @WithDefault("1048576")
    int archivePartBytes();
}
