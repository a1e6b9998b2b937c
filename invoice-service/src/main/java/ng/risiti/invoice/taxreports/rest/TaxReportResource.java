package ng.risiti.invoice.taxreports.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.invoice.taxreports.domain.TaxReportKind;
import ng.risiti.invoice.taxreports.service.TaxReports;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/tax-reports}: VAT returns and WHT schedules (seed 002, Tax rates; docs/specification.md, Tax
 * reports), generated from the books, stored with a version per period, listed, and downloadable as PDF.
 */
@Path("/api/v1/tax-reports")
@Tag(name = "Tax reports")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class TaxReportResource {

    private final TaxReports taxReports;
    private final Reports reports;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public TaxReportResource(TaxReports taxReports, Reports reports, Pagination pagination, SecurityIdentity identity) {
        this.taxReports = taxReports;
        this.reports = reports;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "List generated VAT returns and WHT schedules, newest first (cursor-paginated; filter kind)")
    @APIResponse(responseCode = "200", description = "A page of tax reports")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: kind not vat or wht, bad cursor or limit",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Page<TaxReportResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String kind) {
        PageRequest page = pagination.request(cursor, limit);
        TaxReportKind filter = kind == null || kind.isBlank() ? null
                : TaxReportKind.parse(kind).orElseThrow(() -> ApiException.validation("kind", "kind must be vat or wht"));
        return taxReports.page(Caller.of(identity), filter, page)
                .map(rows -> pagination.page(rows, page, report -> Map.of("id", report.id().toString())).map(TaxReportResponse::of));
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Generate a VAT return (FIRS VAT form figures) or WHT schedule for a month or from/to; the same period again is a new version")
    @APIResponse(responseCode = "201", description = "The generated report, its figures and its PDF's path")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: kind, period, from or to missing or malformed, both forms given, "
            + "longer than 366 days, or not started yet", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the credential lacks reports:read",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: the Idempotency-Key was used for another request",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<TaxReportResponse>>> generate(GenerateTaxReportRequest request) {
        if (request == null) {
            throw ApiException.validation("period", "a body with period (such as 2026-04) or from and to is required");
        }
        var parsed = request.parse(reports.today());
        return taxReports.generate(Caller.of(identity), parsed.kind(), parsed.period())
                .map(report -> RestResponse.status(RestResponse.Status.CREATED, Data.of(TaxReportResponse.of(report))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "A generated tax report with its stored figures")
    @APIResponse(responseCode = "200", description = "The tax report")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such report in the caller's tenancy",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<TaxReportResponse>> get(@RestPath String id) {
        return taxReports.get(Caller.of(identity), Ids.parse(id, "Tax report")).map(report -> Data.of(TaxReportResponse.of(report)));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "A generated tax report as PDF, drawn from its stored figures")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such report in the caller's tenancy",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<byte[]>> pdf(@RestPath String id) {
        UUID reportId = Ids.parse(id, "Tax report");
        return taxReports.pdf(Caller.of(identity), reportId).map(pdf -> RestResponse.ResponseBuilder.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"tax-report-" + reportId + ".pdf\"").build());
    }
}
