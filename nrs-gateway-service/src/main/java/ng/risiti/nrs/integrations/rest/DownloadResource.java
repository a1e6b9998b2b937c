package ng.risiti.nrs.integrations.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.nrs.integrations.service.IntegrationCatalogue;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /downloads}: files a business installs elsewhere; today the WooCommerce plugin (seed 000: public). */
@Path("/downloads")
@Tag(name = "Integrations")
public class DownloadResource {

    private final IntegrationCatalogue catalogue;

    public DownloadResource(IntegrationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/" + IntegrationCatalogue.PLUGIN_FILE)
    @PermitAll
    @Produces("application/zip")
    @Operation(summary = "Download the WooCommerce plugin (a WordPress plugin zip: Plugins → Add New → Upload Plugin)")
    @APIResponse(responseCode = "200", description = "The plugin", content = @Content(mediaType = "application/zip"))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: this build of the service carries no plugin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public RestResponse<byte[]> woocommercePlugin() {
        byte[] zip = catalogue.plugin().orElseThrow(() -> ApiException.notFound("Download", IntegrationCatalogue.PLUGIN_FILE));
        return RestResponse.ResponseBuilder.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + IntegrationCatalogue.PLUGIN_FILE + "\"")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
