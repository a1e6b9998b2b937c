package ng.risiti.nrs.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ng.risiti.nrs.sandbox.service.CodeLists;

/** NRS code lists ("resources"); public, like on NRS. */
@Path("/api/v1/invoice/resources")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResourcesResource {

    private final CodeLists codeLists;

    public InvoiceResourcesResource(CodeLists codeLists) {
        this.codeLists = codeLists;
    }

    @GET @Path("/invoice-types")
    public Response invoiceTypes() { return NrsEnvelope.ok(codeLists.invoiceTypes()); }

    @GET @Path("/currencies")
    public Response currencies() { return NrsEnvelope.ok(codeLists.currencies()); }

    @GET @Path("/payment-means")
    public Response paymentMeans() { return NrsEnvelope.ok(codeLists.paymentMeans()); }

    @GET @Path("/tax-categories")
    public Response taxCategories() { return NrsEnvelope.ok(codeLists.taxCategories()); }

    @GET @Path("/vat-exemptions")
    public Response vatExemptions() { return NrsEnvelope.ok(codeLists.vatExemptions()); }

    @GET @Path("/countries")
    public Response countries() { return NrsEnvelope.ok(codeLists.countries()); }

    @GET @Path("/services-codes")
    public Response serviceCodes() { return NrsEnvelope.ok(codeLists.serviceCodes()); }
}
