package ng.risiti.invoice.invoices.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import ng.risiti.invoice.invoices.service.InvoiceLifecycle;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.invoice.invoices.service.InvoiceService;
import ng.risiti.invoice.payments.service.PaymentService;
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

/** {@code /api/v1/invoices}: the invoice endpoints of docs/specification.md, Invoices. */
@Path("/api/v1/invoices")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService invoices;
    private final PaymentService payments;
    private final Pagination pagination;
    private final SecurityIdentity identity;
    private final InvoiceLifecycle lifecycle;
    private final ObjectMapper json;
    private final Validator validator;

    public InvoiceResource(InvoiceService invoices, PaymentService payments, Pagination pagination, SecurityIdentity identity,
            InvoiceLifecycle lifecycle, ObjectMapper json, Validator validator) {
        this.invoices = invoices;
        this.payments = payments;
        this.pagination = pagination;
        this.identity = identity;
        this.lifecycle = lifecycle;
        this.json = json;
        this.validator = validator;
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
        Caller caller = Caller.of(identity);
        return invoices.get(caller, Ids.parse(id, "Invoice")).flatMap(invoice -> payments.ofInvoice(caller, invoice.id)
                .map(paid -> Data.of(InvoiceResponse.of(invoice, paid))));
    }

    /** Changes a draft; a PATCH body is read field by field, so an absent field stays and a null one clears. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<InvoiceResponse>> update(@RestPath String id, JsonNode body) throws JsonProcessingException {
        var invoiceId = Ids.parse(id, "Invoice");
        return lifecycle.update(Caller.of(identity), invoiceId, UpdateInvoiceRequest.read(body, json, validator))
                .map(invoice -> Data.of(InvoiceResponse.of(invoice)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<Message>> delete(@RestPath String id) {
        return lifecycle.delete(Caller.of(identity), Ids.parse(id, "Invoice")).map(deleted -> Message.of("Invoice deleted."));
    }

    @POST
    @Path("/{id}/finalize")
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<InvoiceResponse>> finalizeInvoice(@RestPath String id) {
        return invoices.finalizeInvoice(Caller.of(identity), Ids.parse(id, "Invoice")).map(invoice -> Data.of(InvoiceResponse.of(invoice)));
    }
}
