package ng.risiti.auth.dataexport.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.service.DataExportService;
import ng.risiti.auth.dataexport.service.DataExportService.Progress;
import ng.risiti.auth.dataexport.service.DownloadLinks;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import ng.risiti.platform.time.Clocks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /settings/data-export} (docs/specification.md, Data export), with a signed-in user: the owner or an admin
 * asks for everything Risiti holds about the tenant. It is built in the background from every service's part; the status shows progress and, once ready,
 * a download link valid for 24 hours (also mailed to the requester).
 */
@Path("/api/v1/settings/data-export")
@Idempotent
@Tag(name = "Settings")
public class DataExportResource {

    private static final String RESOURCE = "Data export";

    private final DataExportService exports;
    private final DownloadLinks links;
    private final SecurityIdentity identity;
    private final Clock clock;

    public DataExportResource(DataExportService exports, DownloadLinks links, SecurityIdentity identity, Clock clock) {
        this.exports = exports;
        this.links = links;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Scope.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request an NDPR export of all the tenant's data; 202, then poll the status for the download link")
    public Uni<RestResponse<Data<DataExportView>>> request() {
        var caller = Caller.user(identity);
        return exports.request(caller).map(progress -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, Data.of(view(progress)))
                .location(URI.create("/api/v1/settings/data-export/" + progress.export().id))
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export's status; once ready, its download link (valid 24 hours) and the archive's size and SHA-256")
    public Uni<Data<DataExportView>> get(@RestPath String id) {
        var caller = Caller.user(identity);
        return exports.get(caller, Ids.parse(id, RESOURCE)).map(progress -> Data.of(view(progress)));
    }

    /**
     * The signed link is the credential, so a browser can open it from the mail; unknown and forged links are 404.
     * Streamed part by part (chunked, so no Content-Length: the status's {@code size_bytes} and {@code sha256} say what to expect).
     */
    @GET
    @Path("/{id}/archive")
    @PermitAll
    @Produces("application/zip")
    @Operation(summary = "Download a ready export's ZIP archive with the link's token (no sign-in)")
    public RestMulti<byte[]> archive(@RestPath String id, @RestQuery String token) {
        return RestMulti.fromUniResponse(exports.downloadable(Ids.parse(id, RESOURCE), token),
                export -> exports.archive(export.id),
                export -> Map.of(
                        "Content-Type", List.of("application/zip"),
                        "Content-Disposition", List.of("attachment; filename=\"" + fileName(export) + "\""),
                        "Cache-Control", List.of("no-store"),
                        "X-Content-SHA256", List.of(export.sha256)));
    }

    private DataExportView view(Progress progress) {
        DataExport export = progress.export();
        return DataExportView.of(progress, export.downloadableAt(Clocks.now(clock)) ? links.url(export) : null);
    }

    private static String fileName(DataExport export) {
        return "risiti-data-export-" + DateTimeFormatter.ISO_LOCAL_DATE.format(export.requestedAt) + "-" + export.id + ".zip";
    }
}
