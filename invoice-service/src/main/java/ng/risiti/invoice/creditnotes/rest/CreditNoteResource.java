package ng.risiti.invoice.creditnotes.rest;

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
import ng.risiti.invoice.creditnotes.service.CreditNoteService;
import ng.risiti.invoice.invoices.rest.InvoiceResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/invoices/{id}/credit-note}: docs/specification.md, Invoices (credit notes). */
@Path("/api/v1/invoices/{id}/credit-note")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditNoteResource {

    private final CreditNoteService creditNotes;
    private final SecurityIdentity identity;

    public CreditNoteResource(CreditNoteService creditNotes, SecurityIdentity identity) {
        this.creditNotes = creditNotes;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<RestResponse<Data<InvoiceResponse>>> issue(@RestPath String id, @Valid @NotNull CreditNoteRequest request) {
        return creditNotes.issue(Caller.of(identity), Ids.parse(id, "Invoice"), request.toCredit())
                .map(note -> RestResponse.status(RestResponse.Status.CREATED, Data.of(InvoiceResponse.of(note))));
    }
}
