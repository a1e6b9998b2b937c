package ng.risiti.nrs.integrations.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.nrs.integrations.service.IntegrationCatalogue;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.pagination.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/integrations}: the catalogue of seed 000's "Available Integrations" (WooCommerce, Shopify, Custom
 * Integration). Public: it is the same for everyone and names nothing of a tenant, and a dashboard or a plugin
 * page may show it before signing in.
 */
@Path("/api/v1/integrations")
@Tag(name = "Integrations")
public class IntegrationCatalogueResource {

    private final IntegrationCatalogue catalogue;

    public IntegrationCatalogueResource(IntegrationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the integrations: WooCommerce (available: download and guide), Shopify (coming soon), Custom Integration (API documentation)",
            description = "One page of all of them; download_url, guide_url and documentation_url are paths on this base URL, null where an entry has none.")
    @APIResponse(responseCode = "200", description = "The catalogue")
    public Page<IntegrationResponse> list() {
        return new Page<>(catalogue.all().stream().map(IntegrationResponse::of).toList(), null, false);
    }

    @GET
    @Path("/{id}/guide")
    @PermitAll
    @Produces("text/markdown")
    @Operation(summary = "An integration's setup guide (Markdown): install, configure, what happens to an order, retries, troubleshooting")
    @APIResponse(responseCode = "200", description = "The guide", content = @Content(mediaType = "text/markdown"))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such integration, or it has no guide",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public RestResponse<String> guide(@RestPath String id) {
        String guide = catalogue.guide(id).orElseThrow(() -> ApiException.notFound("Integration guide", id));
        return RestResponse.ResponseBuilder.ok(guide, "text/markdown; charset=UTF-8").build();
    }
}
