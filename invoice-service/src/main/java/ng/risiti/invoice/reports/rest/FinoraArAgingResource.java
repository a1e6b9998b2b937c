package ng.risiti.invoice.reports.rest;

import io.quarkus.resteasy.reactive.jackson.CustomSerialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Currencies;
import ng.risiti.invoice.reports.domain.AgeingBuckets;
import ng.risiti.invoice.reports.domain.ReceivablesAgeing;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.platform.error.FinoraErrorResponse;
import ng.risiti.platform.finora.FinoraBusiness;
import ng.risiti.platform.finora.FinoraJson;
import ng.risiti.platform.finora.FinoraResponse;
import ng.risiti.platform.finora.FinoraValues;
import ng.risiti.platform.request.RequestIdFilter;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /v1/reports/ar-aging}: the Finora dialect's receivables ageing today (seed 001), the same buckets as
 * {@code /api/v1/reports/receivables-ageing} in kobo integers with naira numbers.
 */
@Path("/v1/reports/ar-aging")
@Tag(name = "Finora dialect")
@Produces(MediaType.APPLICATION_JSON)
@CustomSerialization(FinoraJson.Writer.class)
public class FinoraArAgingResource {

    /** The dialect's ageing: per customer and in all. */
    public record ArAging(String businessId, String asOf, String currency, List<Customer> customers, Buckets totals) {
    }

    public record Customer(UUID customerId, String customerName, int invoiceCount, Buckets buckets) {
    }

    public record Buckets(long currentKobo, BigDecimal current, long days0To30Kobo, BigDecimal days0To30, long days31To60Kobo, BigDecimal days31To60,
            long days61To90Kobo, BigDecimal days61To90, long days90PlusKobo, BigDecimal days90Plus, long totalKobo, BigDecimal total) {

        static Buckets of(AgeingBuckets buckets) {
            return new Buckets(buckets.current().value(), FinoraValues.naira(buckets.current().value()), buckets.days0To30().value(),
                    FinoraValues.naira(buckets.days0To30().value()), buckets.days31To60().value(), FinoraValues.naira(buckets.days31To60().value()),
                    buckets.days61To90().value(), FinoraValues.naira(buckets.days61To90().value()), buckets.over90().value(),
                    FinoraValues.naira(buckets.over90().value()), buckets.total().value(), FinoraValues.naira(buckets.total().value()));
        }
    }

    private final Reports reports;
    private final SecurityIdentity identity;

    public FinoraArAgingResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Finora dialect: receivables ageing today (current, 0-30, 31-60, 61-90, 90+ days overdue), per customer and in all")
    @APIResponse(responseCode = "200", description = "The report in the dialect's envelope")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: businessId missing",
            content = @Content(schema = @Schema(implementation = FinoraErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: businessId is not the caller's business",
            content = @Content(schema = @Schema(implementation = FinoraErrorResponse.class)))
    public Uni<FinoraResponse<ArAging>> get(@RestQuery String businessId, RoutingContext routing) {
        Caller caller = FinoraBusiness.require(Caller.of(identity), businessId);
        return reports.receivablesAgeing(caller, new ReportPeriod(null, null, Currencies.NGN), null).map(report -> FinoraResponse.of(
                of(caller.tenantId().toString(), report), RequestIdFilter.current(routing)));
    }

    private static ArAging of(String businessId, ReceivablesAgeing report) {
        return new ArAging(businessId, FinoraValues.day(report.asOf()), report.period().currency(), report.customers().stream()
                .map(customer -> new Customer(customer.customerId(), customer.customerName(), customer.invoiceCount(), Buckets.of(customer.buckets())))
                .toList(), Buckets.of(report.totals()));
    }
}
