package ng.risiti.invoice.documents.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import ng.risiti.invoice.documents.service.InvoiceDocuments;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/invoices/{id}/xml} and {@code /pdf}: docs/specification.md, Invoices (documents). */
@Path("/api/v1/invoices/{id}")
public class InvoiceDocumentResource {

    private final InvoiceDocuments documents;
    private final SecurityIdentity identity;

    public InvoiceDocumentResource(InvoiceDocuments documents, SecurityIdentity identity) {
        this.documents = documents;
        this.identity = identity;
    }

    @GET
    @Path("/xml")
    @Produces("application/xml")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<RestResponse<byte[]>> xml(@RestPath String id) {
        return documents.xml(Caller.of(identity), Ids.parse(id, "Invoice"))
                .map(xml -> RestResponse.ResponseBuilder.ok(xml, "application/xml; charset=UTF-8")
                        .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".xml\"").build());
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<RestResponse<byte[]>> pdf(@RestPath String id) {
        return documents.pdf(Caller.of(identity), Ids.parse(id, "Invoice"))
                .map(pdf -> RestResponse.ResponseBuilder.ok(pdf, "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\"").build());
    }
}
