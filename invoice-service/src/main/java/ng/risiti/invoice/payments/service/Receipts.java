package ng.risiti.invoice.payments.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.documents.domain.ReceiptDocument;
import ng.risiti.invoice.documents.service.ReceiptPdf;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.security.Caller;

/**
 * Receipts (docs/specification.md, Receipts): every payment is one, numbered when it is recorded. Its PDF is a
 * document download like the invoice's, so it takes the same plan (Starter or higher outside test mode).
 */
@ApplicationScoped
public class Receipts {

    private final PaymentService payments;
    private final TenantDirectory tenants;

    public Receipts(PaymentService payments, TenantDirectory tenants) {
        this.payments = payments;
        this.tenants = tenants;
    }

    public Uni<InvoicePayment> get(Caller caller, UUID id) {
        return payments.get(caller, id);
    }

    public Uni<Rendered> pdf(Caller caller, UUID id) {
        return tenants.requireDocuments(caller, EntitlementState.PDF, "Receipt PDF downloads").chain(() -> payments.get(caller, id))
                .flatMap(found -> Offload.run(() -> new Rendered(found.payment().receiptNumber,
                        ReceiptPdf.of(ReceiptDocument.of(found.payment(), found.invoice())))));
    }

    /** A receipt's PDF and the number to name its file by. */
    public record Rendered(String receiptNumber, byte[] pdf) {
    }
}
