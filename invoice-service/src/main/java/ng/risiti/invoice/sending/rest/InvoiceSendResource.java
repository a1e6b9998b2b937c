package ng.risiti.invoice.sending.rest;

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
import ng.risiti.invoice.sending.service.InvoiceSending;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/** {@code /api/v1/invoices/{id}/send}: docs/specification.md, Sending. */
@Path("/api/v1/invoices/{id}/send")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceSendResource {

    private final InvoiceSending sending;
    private final SecurityIdentity identity;

    public InvoiceSendResource(InvoiceSending sending, SecurityIdentity identity) {
        this.sending = sending;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<SendInvoiceResponse>> send(@RestPath String id, @Valid @NotNull SendInvoiceRequest request) {
        return sending.send(Caller.of(identity), Ids.parse(id, "Invoice"), request.toChannels(), request.note())
                .map(deliveries -> Data.of(SendInvoiceResponse.of(deliveries)));
    }
}
