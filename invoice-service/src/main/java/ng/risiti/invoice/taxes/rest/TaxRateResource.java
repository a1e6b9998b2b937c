package ng.risiti.invoice.taxes.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.service.TaxRateService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/tax-rates}: docs/specification.md, Tax rates. Writes need the accountant role or higher, which the API
 * reference asks for beside {@code invoices:write}: {@code payments:write} is the scope only accountants, admins and
 * owners hold (docs/permissions.md), so it is the one these endpoints require.
 */
@Path("/api/v1/tax-rates")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaxRateResource {

    private final TaxRateService taxRates;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public TaxRateResource(TaxRateService taxRates, Pagination pagination, SecurityIdentity identity) {
        this.taxRates = taxRates;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** The system rates first, then the tenant's own, oldest first; {@code kind} (vat or wht) narrows the list. */
    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Page<TaxRateResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String kind) {
        PageRequest page = pagination.request(cursor, limit);
        TaxRate.Kind only = kind == null || kind.isBlank() ? null
                : TaxRate.Kind.parse(kind).orElseThrow(() -> ApiException.validation("kind", "kind must be vat or wht"));
        return taxRates.page(Caller.of(identity), only, page)
                .map(rows -> pagination.page(rows, page, rate -> Map.of("id", rate.id.toString())).map(TaxRateResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Data<TaxRateResponse>> get(@RestPath String id) {
        return taxRates.get(Caller.of(identity), Ids.parse(id, "Tax rate")).map(rate -> Data.of(TaxRateResponse.of(rate)));
    }

    @POST
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<RestResponse<Data<TaxRateResponse>>> create(@Valid @NotNull TaxRateRequest request) {
        return taxRates.create(Caller.of(identity), request.toNewTaxRate())
                .map(rate -> RestResponse.status(RestResponse.Status.CREATED, Data.of(TaxRateResponse.of(rate))));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<Data<TaxRateResponse>> update(@RestPath String id, JsonNode body) {
        var rateId = Ids.parse(id, "Tax rate");
        return taxRates.update(Caller.of(identity), rateId, TaxRatePatch.read(body)).map(rate -> Data.of(TaxRateResponse.of(rate)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<Data<Message>> delete(@RestPath String id) {
        return taxRates.delete(Caller.of(identity), Ids.parse(id, "Tax rate")).replaceWith(Message.of("Tax rate deleted."));
    }
}
