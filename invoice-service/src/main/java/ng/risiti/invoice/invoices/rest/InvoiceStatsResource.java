package ng.risiti.invoice.invoices.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.invoices.service.InvoiceStatsService;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/**
 * {@code /api/v1/invoices/stats}: the tenant's invoice figures (docs/specification.md, Invoices). Its own class with its
 * full path: a literal path outranks InvoiceResource's {@code /{id}} template, so "stats" is never taken for an id.
 */
@Path("/api/v1/invoices/stats")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceStatsResource {

    private final InvoiceStatsService stats;
    private final SecurityIdentity identity;

    public InvoiceStatsResource(InvoiceStatsService stats, SecurityIdentity identity) {
        this.stats = stats;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Data<InvoiceStatsResponse>> stats() {
        return stats.of(Caller.of(identity)).map(figures -> Data.of(InvoiceStatsResponse.of(figures)));
    }
}
