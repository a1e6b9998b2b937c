package ng.risiti.invoice.documents.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.documents.config.DocumentsConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.security.Caller;

/**
 * An invoice's renderings: its UBL 2.1 XML and its PDF, both from the one {@link InvoiceDocument}. Only a finalized
 * (or later) document has them, and only on Starter or higher outside test mode. Rendering runs on a worker; a PDF
 * is kept per invoice version, since a finalized invoice's PDF only changes when the invoice does.
 */
@ApplicationScoped
public class InvoiceDocuments {

    private final InvoiceRepository invoices;
    private final TenantDirectory tenants;
    private final DocumentsConfig config;
    private final Map<String, byte[]> pdfs;

    public InvoiceDocuments(InvoiceRepository invoices, TenantDirectory tenants, DocumentsConfig config) {
        this.invoices = invoices;
        this.tenants = tenants;
        this.config = config;
        int capacity = config.pdfCacheSize();
        this.pdfs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        });
    }

    public Uni<byte[]> xml(Caller caller, UUID id) {
        return rendered(caller, id, EntitlementState.XML, "UBL XML downloads").flatMap(found -> Offload.run(() -> UblXml.of(found.document())));
    }

    public Uni<byte[]> pdf(Caller caller, UUID id) {
        return rendered(caller, id, EntitlementState.PDF, "PDF downloads").flatMap(found -> {
            String key = found.invoice().id + ":" + found.invoice().version;
            byte[] cached = pdfs.get(key);
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            return Offload.run(() -> InvoicePdf.of(found.document())).invoke(pdf -> pdfs.put(key, pdf));
        });
    }

    private record Rendered(Invoice invoice, InvoiceDocument document) {
    }

    /** The document of a finalized invoice of the caller's, or 402 (plan), 404, or 422 (a draft has no document yet). */
    private Uni<Rendered> rendered(Caller caller, UUID id, String entitlement, String feature) {
        return tenants.requireDocuments(caller, entitlement, feature).flatMap(supplier -> Panache.withSession(() -> invoices.findForTenant(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", id))
                .flatMap(invoice -> {
                    if (invoice.status == InvoiceStatus.DRAFT) {
                        throw ApiException.unprocessable("Invoice is draft; finalize it to get its " + (feature.startsWith("PDF") ? "PDF" : "XML") + ".");
                    }
                    Uni<Invoice> original = invoice.originalInvoiceId == null ? Uni.createFrom().nullItem()
                            : invoices.findForTenant(caller.tenancy(), invoice.originalInvoiceId);
                    return original.map(credited -> new Rendered(invoice, InvoiceDocument.of(invoice, supplier, credited, payUrl(invoice))));
                })));
    }

    private String payUrl(Invoice invoice) {
        return invoice.type == InvoiceType.CREDIT_NOTE ? null : config.publicUrl() + "/p/" + invoice.publicToken + "/pay";
    }
}
