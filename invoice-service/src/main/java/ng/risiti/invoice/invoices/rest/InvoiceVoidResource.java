package ng.risiti.invoice.invoices.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.invoices.service.InvoiceLifecycle;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /api/v1/invoices/{id}/void}: docs/specification.md, Invoices. The API reference asks for the accountant role or
 * higher; the one scope accountants, admins and owners hold and members do not is {@code payments:write}
 * (docs/permissions.md), so voiding takes it beside {@code invoices:write}: a member, or a key without it, gets 403.
 */
@Path("/api/v1/invoices/{id}/void")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceVoidResource {

    private final InvoiceLifecycle lifecycle;
    private final PaymentService payments;
    private final SecurityIdentity identity;

    public InvoiceVoidResource(InvoiceLifecycle lifecycle, PaymentService payments, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<Data<InvoiceResponse>> voidInvoice(@RestPath String id) {
        Caller caller = Caller.of(identity);
        if (!caller.has(Scope.PAYMENTS_WRITE)) {
            throw ApiException.forbidden("Voiding an invoice needs the accountant role or higher (scopes invoices:write and payments:write).");
        }
        // a voided partial invoice still shows what was paid on it
        return lifecycle.voidInvoice(caller, Ids.parse(id, "Invoice"))
                .flatMap(invoice -> payments.ofInvoice(caller, invoice.id).map(paid -> Data.of(InvoiceResponse.of(invoice, paid))));
    }
}
