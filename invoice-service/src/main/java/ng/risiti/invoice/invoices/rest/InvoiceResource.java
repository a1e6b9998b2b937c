package ng.risiti.invoice.invoices.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.invoice.invoices.service.InvoiceService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/invoices}: the invoice endpoints of docs/specification.md, Invoices. */
@Path("/api/v1/invoices")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService invoices;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public InvoiceResource(InvoiceService invoices, Pagination pagination, SecurityIdentity identity) {
        this.invoices = invoices;
        this.pagination = pagination;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<RestResponse<Data<InvoiceResponse>>> create(@Valid @NotNull CreateInvoiceRequest request) {
        return invoices.create(Caller.of(identity), request.toNewInvoice())
                .map(invoice -> RestResponse.status(RestResponse.Status.CREATED, Data.of(InvoiceResponse.of(invoice))));
    }

    /** Filters (docs/specification.md, Invoices): status (or overdue), customer_id, from and to (issue date), q, type. */
    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Page<InvoiceSummary>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String status,
            @RestQuery("customer_id") String customerId, @RestQuery String from, @RestQuery String to, @RestQuery String q,
            @RestQuery String type) {
        PageRequest page = pagination.request(cursor, limit);
        InvoiceListFilter filter = InvoiceListParameters.parse(status, customerId, from, to, q, type);
        return invoices.page(Caller.of(identity), filter, page)
                .map(rows -> pagination.page(rows, page, invoice -> Map.of("id", invoice.id.toString())).map(InvoiceSummary::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Data<InvoiceResponse>> get(@RestPath String id) {
        return invoices.get(Caller.of(identity), Ids.parse(id, "Invoice")).map(invoice -> Data.of(InvoiceResponse.of(invoice)));
    }

    @POST
    @Path("/{id}/finalize")
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<InvoiceResponse>> finalizeInvoice(@RestPath String id) {
        return invoices.finalizeInvoice(Caller.of(identity), Ids.parse(id, "Invoice")).map(invoice -> Data.of(InvoiceResponse.of(invoice)));
    }
}
