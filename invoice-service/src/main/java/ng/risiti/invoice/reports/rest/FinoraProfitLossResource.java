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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Currencies;
import ng.risiti.invoice.reports.domain.ProfitAndLoss;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.service.Reports;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FinoraErrorResponse;
import ng.risiti.platform.finora.FinoraBusiness;
import ng.risiti.platform.finora.FinoraDialect;
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
 * {@code /v1/reports/profit-loss}: the Finora dialect's profit and loss (seed 001, "Read reports based on API data"),
 * the same figures as {@code /api/v1/reports/profit-loss} in kobo integers with naira numbers.
 */
@Path("/v1/reports/profit-loss")
@Tag(name = "Finora dialect")
@Produces(MediaType.APPLICATION_JSON)
@CustomSerialization(FinoraJson.Writer.class)
public class FinoraProfitLossResource {

    /** The dialect's P&L: dates as ISO midnights, every amount as {@code …Kobo} and naira. */
    public record ProfitLoss(String businessId, String startDate, String endDate, String currency, long revenueKobo, BigDecimal revenue,
            List<Expense> expenses, long totalExpensesKobo, BigDecimal totalExpenses, long netProfitKobo, BigDecimal netProfit) {

        static ProfitLoss of(String businessId, ProfitAndLoss report) {
            return new ProfitLoss(businessId, FinoraValues.day(report.period().from()), FinoraValues.day(report.period().to()),
                    report.period().currency(), report.revenue().value(), FinoraValues.naira(report.revenue().value()),
                    report.expenses().stream().map(row -> new Expense(row.category().wireName(), row.amount().value(),
                            FinoraValues.naira(row.amount().value()))).toList(),
                    report.totalExpenses().value(), FinoraValues.naira(report.totalExpenses().value()), report.netProfit().value(),
                    FinoraValues.naira(report.netProfit().value()));
        }
    }

    public record Expense(String category, long amountKobo, BigDecimal amount) {
    }

    private final Reports reports;
    private final SecurityIdentity identity;

    public FinoraProfitLossResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    @Operation(summary = "Finora dialect: profit and loss between startDate and endDate (dates, both included; either may be left out)")
    @APIResponse(responseCode = "200", description = "The report in the dialect's envelope")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: businessId missing, startDate or endDate not a date, endDate before startDate",
            content = @Content(schema = @Schema(implementation = FinoraErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: businessId is not the caller's business",
            content = @Content(schema = @Schema(implementation = FinoraErrorResponse.class)))
    public Uni<FinoraResponse<ProfitLoss>> get(@RestQuery String businessId, @RestQuery String startDate, @RestQuery String endDate,
            RoutingContext routing) {
        Caller caller = FinoraBusiness.require(Caller.of(identity), businessId);
        LocalDate start = day("start_date", startDate);
        LocalDate end = day("end_date", endDate);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.validation("end_date", "endDate must be on or after startDate");
        }
        return reports.profitAndLoss(caller, new ReportPeriod(start, end, Currencies.NGN))
                .map(report -> FinoraResponse.of(ProfitLoss.of(caller.tenantId().toString(), report), RequestIdFilter.current(routing)));
    }

    /** A date, or the date of an ISO timestamp as the dialect writes them ({@code 2026-04-01T00:00:00.000Z}). */
    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return LocalDate.parse(trimmed.length() > 10 && trimmed.charAt(10) == 'T' ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, FinoraDialect.camel(field) + " must be a date such as 2026-04-01");
        }
    }
}
