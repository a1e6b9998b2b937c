package ng.risiti.invoice.payments.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.resteasy.reactive.jackson.CustomSerialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.invoices.domain.FinoraStatus;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.finora.FinoraBusiness;
import ng.risiti.platform.finora.FinoraJson;
import ng.risiti.platform.finora.FinoraResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /v1/receipts}: the Finora dialect's "record the payment" (seed 001, the WooCommerce flow's third call). The
 * same use case as {@code POST /api/v1/invoices/{id}/record-payment}: the invoice's lock, its amount due, the
 * reference recorded once, the events; it answers with the receipt.
 */
@Path("/v1/receipts")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CustomSerialization(FinoraJson.Writer.class)
@CustomDeserialization(FinoraJson.Reader.class)
public class FinoraReceiptResource {

    private final PaymentService payments;
    private final SecurityIdentity identity;

    public FinoraReceiptResource(PaymentService payments, SecurityIdentity identity) {
        this.payments = payments;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Scope.PAYMENTS_WRITE, Scope.INVOICES_WRITE})
    public Uni<RestResponse<FinoraResponse<FinoraReceipt>>> record(@RestQuery String businessId, @Valid @NotNull FinoraReceiptRequest request,
            RoutingContext routing) {
        Caller caller = FinoraBusiness.require(Caller.of(identity), businessId != null ? businessId : request.businessId());
        return payments.record(caller, request.invoiceId(), request.toPayment(payments.today()))
                .map(recorded -> RestResponse.status(RestResponse.Status.CREATED, FinoraResponse.of(
                        FinoraReceipt.of(recorded, FinoraStatus.of(recorded.invoice(), payments.today()).wireName()),
                        routing)));
    }
}
