package ng.risiti.invoice.reports.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/v1/reports/profit-loss}: Profit and loss from the journal: revenue (net of VAT, less credit notes and voids), expenses by category, net profit */
@Path("/api/v1/reports/profit-loss")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ProfitLossResource {

    private final Reports reports;
    private final SecurityIdentity identity;

    public ProfitLossResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Profit and loss from the journal: revenue (net of VAT, less credit notes and voids), expenses by category, net profit")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: from or to not a date, to before from, currency not NGN",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<ProfitLossResponse>> get(@RestQuery String from, @RestQuery String to, @RestQuery String currency) {
        return reports.profitAndLoss(Caller.of(identity), ReportParameters.period(from, to, currency)).map(report -> Data.of(ProfitLossResponse.of(report)));
    }
}
