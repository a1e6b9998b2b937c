package ng.risiti.billing.paystack.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.domain.Purpose;
import ng.risiti.platform.security.Tenancy;

/**
 * Payments on invoices' public pay pages (docs/adr/0014): invoice-service asks for the checkout, billing-service holds
 * the Paystack keys and receives the one Paystack webhook, checks the charge against the checkout as for any other,
 * and passes a paid one on to invoice-service.
 */
@ApplicationScoped
public class InvoiceCheckouts implements PaidCheckouts {

    /** What invoice-service asks for: the amount due of one invoice, and where the payer comes back to. */
    public record Request(Tenancy tenancy, UUID invoiceId, long amountKobo, String email, String callbackUrl) {
    }

    private final Checkouts checkouts;
    private final PaidInvoices invoices;

    public InvoiceCheckouts(Checkouts checkouts, PaidInvoices invoices) {
        this.checkouts = checkouts;
        this.invoices = invoices;
    }

    public Uni<Checkout> open(Request request) {
        return checkouts.open(request.tenancy(), new Checkouts.Order(Purpose.INVOICE_PAYMENT, request.amountKobo(),
                Checkouts.payerEmail(request.email(), request.tenancy()), null, null, request.invoiceId(), request.callbackUrl()));
    }

    @Override
    public String purpose() {
        return Purpose.INVOICE_PAYMENT;
    }

    @Override
    public Uni<Void> paid(Checkout checkout, Charge charge) {
        return invoices.captured(checkout, charge, "card");
    }
}
