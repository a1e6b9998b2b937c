package ng.risiti.nrs.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ng.risiti.nrs.sandbox.Irn;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.SignedInvoice;
import ng.risiti.nrs.sandbox.SignedInvoice.PaymentStatus;
import ng.risiti.nrs.sandbox.service.BusinessRegistry;
import ng.risiti.nrs.sandbox.service.InvoiceLedger;
import ng.risiti.nrs.sandbox.service.InvoiceValidator;

/** The NRS MBS invoice lifecycle: validate IRN, validate, sign, confirm, download, update, transmit. */
@Path("/api/v1/invoice")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceValidator validator;
    private final InvoiceLedger ledger;
    private final BusinessRegistry businesses;

    public InvoiceResource(InvoiceValidator validator, InvoiceLedger ledger, BusinessRegistry businesses) {
        this.validator = validator;
        this.ledger = ledger;
        this.businesses = businesses;
    }

    @POST
    @Path("/irn/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response validateIrn(JsonNode body) {
        String irnText = text(body, "irn");
        String reference = text(body, "invoice_reference");
        String businessId = text(body, "business_id");
        if (irnText == null || reference == null || businessId == null) {
            throw new NrsException(400, "irn_validate", "invalid request body",
                    "invoice_reference, business_id and irn are required");
        }
        businesses.require(businessId, "irn_validate");
        Irn irn = Irn.parse(irnText).orElseThrow(() -> new NrsException(400, "irn_validate", "invalid IRN",
                "IRN must be {InvoiceNumber}-{ServiceID}-{YYYYMMDD}: " + irnText));
        if (!irn.invoiceNumber().equals(reference)) {
            throw new NrsException(400, "irn_validate", "IRN does not match invoice reference",
                    "IRN invoice number " + irn.invoiceNumber() + " differs from invoice_reference " + reference);
        }
        return NrsEnvelope.ok(Map.of("ok", true));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response validate(JsonNode body) {
        businesses.require(text(body, "business_id"), "invoice_validate");
        validator.validate(body, "invoice_validate");
        return NrsEnvelope.ok(Map.of("ok", true));
    }

    @POST
    @Path("/sign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(JsonNode body) {
        businesses.require(text(body, "business_id"), "invoice_sign");
        Irn irn = validator.validate(body, "invoice_sign");
        SignedInvoice signed = ledger.sign(irn, text(body, "business_id"), body);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ok", true);
        data.put("irn", signed.irn().value());
        data.put("signed_at", signed.signedAt().toString());
        return NrsEnvelope.of(201, data);
    }

    /**
     * Search a business's invoices: {@code size}, {@code page}, {@code sort_direction_desc} (by signing time), and the
     * filters {@code irn}, {@code payment_status}, {@code invoice_type_code}, {@code issue_date}, {@code due_date},
     * {@code tax_currency_code}, {@code document_currency_code}.
     */
    @GET
    @Path("/{businessId}")
    public Response search(@PathParam("businessId") String businessId, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        businesses.require(businessId, "invoice_search");
        var query = uri.getQueryParameters();
        int size = integer(query.getFirst("size"), 20);
        int page = integer(query.getFirst("page"), 1);
        boolean desc = !"false".equalsIgnoreCase(query.getFirst("sort_direction_desc"));
        java.util.Comparator<SignedInvoice> bySigning = java.util.Comparator.comparing(SignedInvoice::signedAt);
        var found = ledger.all().stream()
                .filter(inv -> businessId.equalsIgnoreCase(inv.businessId()))
                .filter(inv -> matches(query.getFirst("irn"), inv.irn().value()))
                .filter(inv -> matches(query.getFirst("payment_status"), inv.paymentStatus().name()))
                .filter(inv -> matches(query.getFirst("invoice_type_code"), inv.document().path("invoice_type_code").asText()))
                .filter(inv -> matches(query.getFirst("issue_date"), inv.document().path("issue_date").asText()))
                .filter(inv -> matches(query.getFirst("due_date"), inv.document().path("due_date").asText()))
                .filter(inv -> matches(query.getFirst("tax_currency_code"), inv.document().path("tax_currency_code").asText()))
                .filter(inv -> matches(query.getFirst("document_currency_code"), inv.document().path("document_currency_code").asText()))
                .sorted(desc ? bySigning.reversed() : bySigning)
                .map(InvoiceResource::status).toList();
        return NrsEnvelope.ok(Pages.of(found, page, size));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase(actual);
    }

    private static int integer(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new NrsException(400, "invoice_search", "invalid paging", "size and page must be numbers");
        }
    }

    @GET
    @Path("/confirm/{irn}")
    public Response confirm(@PathParam("irn") String irn) {
        return NrsEnvelope.ok(status(ledger.get(irn, "invoice_confirm")));
    }

    @GET
    @Path("/download/{irn}")
    public Response download(@PathParam("irn") String irn) {
        SignedInvoice inv = ledger.get(irn, "invoice_download");
        Map<String, Object> data = status(inv);
        data.put("invoice", inv.document());
        return NrsEnvelope.ok(data);
    }

    @PATCH
    @Path("/update/{irn}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("irn") String irn, JsonNode body) {
        String raw = text(body, "payment_status");
        PaymentStatus status;
        try {
            status = PaymentStatus.valueOf(raw == null ? "" : raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NrsException(400, "invoice_update", "invalid payment status",
                    "payment_status must be one of PENDING, PAID, PARTIAL, CANCELED");
        }
        return NrsEnvelope.ok(status(ledger.updatePayment(irn, status, text(body, "reference"))));
    }

    @POST
    @Path("/transmit/{irn}")
    public Response transmit(@PathParam("irn") String irn) {
        SignedInvoice inv = ledger.transmit(irn);
        return NrsEnvelope.ok(Map.of("ok", true, "irn", inv.irn().value()));
    }

    @GET
    @Path("/transmit/lookup/{irn}")
    public Response lookup(@PathParam("irn") String irn) {
        return NrsEnvelope.ok(status(ledger.get(irn, "invoice_transmit_lookup")));
    }

    private static Map<String, Object> status(SignedInvoice inv) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("irn", inv.irn().value());
        data.put("business_id", inv.businessId());
        data.put("payment_status", inv.paymentStatus().name());
        data.put("reference", inv.paymentReference());
        data.put("transmitted", inv.transmitted());
        data.put("delivered", inv.delivered());
        data.put("signed_at", inv.signedAt().toString());
        data.put("updated_at", inv.updatedAt().toString());
        return data;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
