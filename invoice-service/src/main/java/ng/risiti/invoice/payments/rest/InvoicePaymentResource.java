package ng.risiti.invoice.payments.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/invoices/{id}/record-payment}: docs/specification.md, Payments. Either scope may record a payment
 * (DESIGN: the API reference names {@code payments:write} in one table and {@code invoices:write} in another).
 */
@Path("/api/v1/invoices/{id}/record-payment")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicePaymentResource {

    private final PaymentService payments;
    private final SecurityIdentity identity;

    public InvoicePaymentResource(PaymentService payments, SecurityIdentity identity) {
        this.payments = payments;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_WRITE})
    public Uni<RestResponse<Data<RecordedPaymentResponse>>> record(@RestPath String id, @Valid @NotNull RecordPaymentRequest request) {
        return payments.record(Caller.of(identity), Ids.parse(id, "Invoice"), request.toPayment(payments.today()))
                .map(recorded -> RestResponse.status(RestResponse.Status.CREATED, Data.of(RecordedPaymentResponse.of(recorded))));
    }
}
