package ng.risiti.invoice.paypage.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.invoice.documents.config.DocumentsConfig;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * An invoice's public pay page (docs/specification.md, Hosted payment page): found by its unguessable public token
 * alone, whoever's it is. A draft, a voided invoice or an unknown token has no page; a paid one thanks the payer.
 * Pay asks billing-service for a Paystack checkout of the amount due; the payment is recorded when Paystack's signed
 * charge reaches billing and comes back as an event ({@code paypage/events/InvoicePaymentConsumer}).
 */
@ApplicationScoped
public class PayPages {

    private static final Logger LOG = Logger.getLogger(PayPages.class);

    /** What the page shows: the invoice and the business that issued it. */
    public record Page(Invoice invoice, String businessName) {

        public boolean paid() {
            return invoice.status == InvoiceStatus.PAID;
        }

        /** Paystack takes naira only; an invoice in another currency is paid some other way. */
        public boolean payableHere() {
            return invoice.payable() && "NGN".equals(invoice.currency);
        }
    }

    private final InvoiceRepository invoices;
    private final TenantDirectory tenants;
    private final BillingCheckoutClient billing;
    private final DocumentsConfig documents;

    public PayPages(InvoiceRepository invoices, TenantDirectory tenants, @RestClient BillingCheckoutClient billing, DocumentsConfig documents) {
        this.invoices = invoices;
        this.tenants = tenants;
        this.billing = billing;
        this.documents = documents;
    }

    /** The page behind a token, or empty (unknown, malformed, a draft or voided: one friendly 404 for all). */
    public Uni<Optional<Page>> find(String token) {
        UUID parsed = parse(token);
        if (parsed == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> invoices.findByPublicToken(parsed).flatMap(invoice -> {
            if (invoice == null || invoice.status == InvoiceStatus.DRAFT || invoice.status == InvoiceStatus.CANCELLED) {
                return Uni.createFrom().item(Optional.<Page>empty());
            }
            if (invoice.supplierName != null) {
                return Uni.createFrom().item(Optional.of(new Page(invoice, invoice.supplierName)));
            }
            return tenants.find(invoice.tenantId).map(tenant -> Optional.of(new Page(invoice, tenant == null ? "" : tenant.name)));
        }));
    }

    /**
     * Where to send the payer of a page: Paystack's checkout for the amount due now. Empty when there is nothing to pay
     * here (paid meanwhile, or not in naira); 503 when billing or Paystack is away (nothing was charged).
     */
    public Uni<Optional<String>> startPayment(Page page) {
        if (!page.payableHere()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Invoice invoice = page.invoice();
        String callback = documents.publicUrl() + "/p/" + invoice.publicToken + "/pay/done";
        return billing.open(new BillingCheckoutClient.Request(invoice.tenantId, invoice.testMode, invoice.id, invoice.amountDue.value(),
                        invoice.customerEmail, callback))
                .onFailure().transform(failure -> {
                    LOG.warnf("Could not start a Paystack payment for invoice %s: %s", invoice.id, failure.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Payments are unavailable right now; nothing was charged.");
                })
                .map(started -> Optional.of(started.authorizationUrl()));
    }

    private static UUID parse(String token) {
        try {
            return token == null || token.length() != 36 ? null : UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
