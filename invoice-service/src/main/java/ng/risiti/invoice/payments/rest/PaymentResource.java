package ng.risiti.invoice.payments.rest;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.invoice.payments.service.PaymentFilter;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.DayRange;
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
 * {@code /api/v1/payments}: docs/specification.md, Payments. Reading takes {@code payments:write} (the API reference)
 * or {@code invoices:read} (who reads an invoice already sees its payments); reconciling records a payment, so it takes
 * what recording does.
 */
@Path("/api/v1/payments")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService payments;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public PaymentResource(PaymentService payments, Pagination pagination, SecurityIdentity identity) {
        this.payments = payments;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** Newest first; {@code from} and {@code to} are payment dates, both included. */
    @GET
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_READ})
    public Uni<Page<PaymentResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String from, @RestQuery String to,
            @RestQuery String method, @RestQuery("invoice_id") String invoiceId) {
        PaymentFilter filter = filter(from, to, method, invoiceId);
        PageRequest page = pagination.request(cursor, limit);
        return payments.page(Caller.of(identity), filter, page)
                .map(rows -> pagination.page(rows, page, payment -> Map.of("id", payment.id.toString())).map(PaymentResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_READ})
    public Uni<Data<PaymentResponse>> get(@RestPath String id) {
        return payments.get(Caller.of(identity), Ids.parse(id, "Payment"))
                .map(found -> Data.of(PaymentResponse.of(found.payment(), found.invoice())));
    }

    @POST
    @Path("/reconcile")
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_WRITE})
    public Uni<RestResponse<Data<RecordedPaymentResponse>>> reconcile(@Valid @NotNull ReconcileRequest request) {
        return payments.reconcile(Caller.of(identity), request.toTransfer(payments.today()))
                .map(recorded -> RestResponse.status(RestResponse.Status.CREATED, Data.of(RecordedPaymentResponse.of(recorded))));
    }

    static PaymentFilter filter(String from, String to, String method, String invoiceId) {
        List<FieldError> problems = new ArrayList<>();
        DayRange paid = DayRange.parse(from, to, problems);
        PaymentMethod byMethod = null;
        if (method != null && !method.isBlank()) {
            byMethod = PaymentMethod.parse(method);
            if (byMethod == null) {
                problems.add(new FieldError("method", "method must be one of " + PaymentMethod.choices()));
            }
        }
        UUID invoice = null;
        if (invoiceId != null && !invoiceId.isBlank()) {
            try {
                invoice = invoiceId.trim().length() == 36 ? UUID.fromString(invoiceId.trim()) : null;
            } catch (IllegalArgumentException e) {
                invoice = null;
            }
            if (invoice == null) {
                problems.add(new FieldError("invoice_id", "invoice_id must be a UUID"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new PaymentFilter(paid.from(), paid.to(), byMethod, invoice);
    }
}
