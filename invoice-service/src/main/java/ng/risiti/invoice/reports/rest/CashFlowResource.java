package ng.risiti.invoice.reports.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.reports.domain.Interval;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.platform.error.ApiException;
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

/** {@code /api/v1/reports/cash-flow}: Cash flow from the journal: payments in and expenses out per day, week or month (interval, default month) */
@Path("/api/v1/reports/cash-flow")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class CashFlowResource {

    private final Reports reports;
    private final SecurityIdentity identity;

    public CashFlowResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Cash flow from the journal: payments in and expenses out per day, week or month (interval, default month)")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: from or to not a date, to before from, currency not NGN, interval not day, week or month, or more than 1,000 periods",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<CashFlowResponse>> get(@RestQuery String from, @RestQuery String to, @RestQuery String currency, @RestQuery String interval) {
        ReportPeriod period = ReportParameters.period(from, to, currency);
        Interval every = interval == null || interval.isBlank() ? Interval.MONTH : Interval.parse(interval)
                .orElseThrow(() -> ApiException.validation("interval", "interval must be one of day, week, month"));
        return reports.cashFlow(Caller.of(identity), period, every).map(report -> Data.of(CashFlowResponse.of(report)));
    }
}
