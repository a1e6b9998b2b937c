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

/** {@code /api/v1/reports/tax-summary}: VAT and WHT from the journal: output VAT charged and due, input VAT from expenses, net payable, WHT suffered */
@Path("/api/v1/reports/tax-summary")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class TaxSummaryResource {

    private final Reports reports;
    private final SecurityIdentity identity;

    public TaxSummaryResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "VAT and WHT from the journal: output VAT charged and due, input VAT from expenses, net payable, WHT suffered")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: from or to not a date, to before from, currency not NGN",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<TaxSummaryResponse>> get(@RestQuery String from, @RestQuery String to, @RestQuery String currency) {
        return reports.taxSummary(Caller.of(identity), ReportParameters.period(from, to, currency)).map(report -> Data.of(TaxSummaryResponse.of(report)));
    }
}
