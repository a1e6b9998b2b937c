package ng.risiti.invoice.payments.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.invoice.payments.service.PaymentFilter;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.invoice.payments.service.Receipts;
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

/**
 * {@code /api/v1/receipts}: docs/specification.md, Receipts. A receipt is a payment under its number (its id is the
 * payment's), so reading one takes what reading payments takes.
 */
@Path("/api/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private final PaymentService payments;
    private final Receipts receipts;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public ReceiptResource(PaymentService payments, Receipts receipts, Pagination pagination, SecurityIdentity identity) {
        this.payments = payments;
        this.receipts = receipts;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** Newest first; the filters of {@code GET /payments}. */
    @GET
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_READ})
    public Uni<Page<ReceiptResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String from, @RestQuery String to,
            @RestQuery String method, @RestQuery("invoice_id") String invoiceId) {
        PaymentFilter filter = PaymentResource.filter(from, to, method, invoiceId);
        PageRequest page = pagination.request(cursor, limit);
        return payments.page(Caller.of(identity), filter, page)
                .map(rows -> pagination.page(rows, page, payment -> Map.of("id", payment.id.toString()))
                        .map(payment -> ReceiptResponse.of(payment, null)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_READ})
    public Uni<Data<ReceiptResponse>> get(@RestPath String id) {
        return receipts.get(Caller.of(identity), Ids.parse(id, "Receipt"))
                .map(found -> Data.of(ReceiptResponse.of(found.payment(), found.invoice())));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_READ})
    public Uni<RestResponse<byte[]>> pdf(@RestPath String id) {
        return receipts.pdf(Caller.of(identity), Ids.parse(id, "Receipt"))
                .map(rendered -> RestResponse.ResponseBuilder.ok(rendered.pdf(), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"" + rendered.receiptNumber() + ".pdf\"").build());
    }
}
