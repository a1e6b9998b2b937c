package ng.risiti.invoice.reports.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.pagination.DayRange;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/v1/reports/receivables-ageing}: Receivables ageing on as_of (default today): open invoices by days overdue (current, 0-30, 31-60, 61-90, 90+), per customer and in all */
@Path("/api/v1/reports/receivables-ageing")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivablesAgeingResource {

    private final Reports reports;
    private final SecurityIdentity identity;

    public ReceivablesAgeingResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Receivables ageing on as_of (default today): open invoices by days overdue (current, 0-30, 31-60, 61-90, 90+), per customer and in all")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: from, to or as_of not a date, to before from, currency not NGN",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<ReceivablesAgeingResponse>> get(@RestQuery String from, @RestQuery String to, @RestQuery String currency,
            @RestQuery("as_of") String asOf) {
        ReportPeriod period = ReportParameters.period(from, to, currency);
        return reports.receivablesAgeing(Caller.of(identity), period, DayRange.day("as_of", asOf))
                .map(report -> Data.of(ReceivablesAgeingResponse.of(report)));
    }
}
