package ng.risiti.invoice.invoices.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.invoices.service.InvoiceLifecycle;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/invoices/{id}/clone}: a new draft from an invoice (docs/specification.md, Invoices). */
@Path("/api/v1/invoices/{id}/clone")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceCloneResource {

    private final InvoiceLifecycle lifecycle;
    private final SecurityIdentity identity;

    public InvoiceCloneResource(InvoiceLifecycle lifecycle, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<RestResponse<Data<InvoiceResponse>>> cloneInvoice(@RestPath String id) {
        return lifecycle.cloneInvoice(Caller.of(identity), Ids.parse(id, "Invoice"))
                .map(invoice -> RestResponse.status(RestResponse.Status.CREATED, Data.of(InvoiceResponse.of(invoice))));
    }
}
