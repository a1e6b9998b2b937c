package ng.risiti.invoice.nrs.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.documents.config.DocumentsConfig;
import ng.risiti.invoice.documents.config.NrsInvoiceConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.service.NrsInvoicePayload;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.nrs.service.NrsGatewayClient.SubmitRequest;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * {@code POST /invoices/{id}/submit-firs} (docs/specification.md, NRS): this service owns the path (the gateway routes
 * by prefix, and {@code /invoices} is ours), checks what only it knows (the invoice's state, the plan), builds the NRS
 * payload from the same canonical document as the PDF and the UBL, and hands both to nrs-gateway-service, which checks
 * the tenant's NRS credentials and runs the job. The answer is synchronous so a missing credential is a 422 now, not a
 * failed submission later.
 */
@ApplicationScoped
public class FirsSubmissions {

    /** The job's answer. */
    public record Queued(String message, String jobId) {
    }

    private static final Logger LOG = Logger.getLogger(FirsSubmissions.class);
    /** The gateway puts the tenant's NRS business id (or the sandbox's) in place of this one. */
    private static final UUID BUSINESS_ID_SET_BY_GATEWAY = new UUID(0, 0);

    private final TenantDirectory tenants;
    private final InvoiceRepository invoices;
    private final NrsGatewayClient gateway;
    private final DocumentsConfig documents;
    private final NrsInvoiceConfig nrsInvoice;

    public FirsSubmissions(TenantDirectory tenants, InvoiceRepository invoices, @RestClient NrsGatewayClient gateway, DocumentsConfig documents,
            NrsInvoiceConfig nrsInvoice) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.gateway = gateway;
        this.documents = documents;
        this.nrsInvoice = nrsInvoice;
    }

    /**
     * NRS refuses an invoice whose supplier has no TIN or email (the sandbox as strictly as NRS): say so now, naming
     * the settings, rather than let the submission fail a moment later.
     */
    static void requireSupplierContact(InvoiceDocument document) {
        InvoiceDocument.Party supplier = document.supplier();
        List<String> missing = new ArrayList<>();
        if (supplier == null || supplier.tin() == null || supplier.tin().isBlank()) {
            missing.add("tin");
        }
        if (supplier == null || supplier.email() == null || supplier.email().isBlank()) {
            missing.add("contact_email");
        }
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("NRS needs the business's " + String.join(" and ", missing) + " on the invoice; set "
                    + (missing.size() == 1 ? "it" : "them") + " with PATCH /api/v1/settings before submitting.");
        }
    }

    /**
     * 402 below Starter (live), 404 unknown, 422 a draft or cancelled invoice, a business without the TIN or email NRS
     * needs, or (from the gateway) missing NRS credentials.
     */
    public Uni<Queued> submit(Caller caller, UUID id) {
        return tenants.requireDocuments(caller, EntitlementState.NRS_SUBMISSION, "NRS submissions").flatMap(supplier -> Panache.withSession(() -> invoices
                .findForTenant(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id))
                .flatMap(invoice -> {
                    if (invoice.status == InvoiceStatus.DRAFT) {
                        throw ApiException.unprocessable("Invoice is draft; finalize it before submitting it to NRS.");
                    }
                    if (invoice.status == InvoiceStatus.CANCELLED) {
                        throw ApiException.unprocessable("Invoice is cancelled; a cancelled invoice is not submitted to NRS.");
                    }
                    Uni<Invoice> original = invoice.originalInvoiceId == null ? Uni.createFrom().nullItem()
                            : invoices.findForTenant(caller.tenancy(), invoice.originalInvoiceId);
                    return original.map(credited -> {
                        String payUrl = invoice.type == InvoiceType.CREDIT_NOTE ? null : documents.publicUrl() + "/p/" + invoice.publicToken + "/pay";
                        InvoiceDocument document = InvoiceDocument.of(invoice, supplier, credited, payUrl);
                        requireSupplierContact(document);
                        JsonNode payload = NrsInvoicePayload.of(document, BUSINESS_ID_SET_BY_GATEWAY,
                                NrsInvoicePayload.LineDefaults.of(supplier, nrsInvoice));
                        return new SubmitRequest(caller.tenantId(), caller.test(), invoice.id, invoice.invoiceNumber, invoice.irn, payload);
                    });
                })))
                .flatMap(request -> gateway.submit(request)
                        // the client throws for 4xx/5xx: the gateway's 422 is an answer to pass on
                        .onFailure(WebApplicationException.class).recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                        .onFailure().transform(failure -> unavailable(failure.toString()))
                        .map(response -> {
                            try (response) {
                                return switch (response.getStatus()) {
                                    case 202 -> new Queued("Invoice queued for NRS submission.", response.readEntity(JsonNode.class).path("job_id").asText());
                                    case 422 -> throw ApiException.unprocessable(response.readEntity(JsonNode.class).at("/error/message").asText());
                                    default -> throw unavailable("answered " + response.getStatus());
                                };
                            }
                        }));
    }

    private static ApiException unavailable(String why) {
        LOG.warnf("nrs-gateway-service could not take a submission: %s", why);
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "NRS submissions cannot be queued right now; retry shortly.");
    }
}
