package ng.risiti.billing.paystack.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.service.PaidCheckouts;
import ng.risiti.billing.paystack.service.PaidInvoices;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.InvoicePaymentCaptured;
import ng.risiti.platform.rest.Naira;
import ng.risiti.platform.time.Clocks;

/** Tells invoice-service that a pay-page checkout was paid: {@code paystack.invoice_payment_captured} on {@code risiti.billing.v1}, through the outbox. */
@ApplicationScoped
public class InvoicePaymentEvents implements PaidInvoices {

    private final Outbox outbox;
    private final Clock clock;

    public InvoicePaymentEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<Void> captured(Checkout checkout, PaidCheckouts.Charge charge, String channel) {
        InvoicePaymentCaptured data = new InvoicePaymentCaptured(checkout.tenantId, checkout.testMode, checkout.invoiceId, checkout.reference,
                charge.amountKobo(), Naira.fromKobo(charge.amountKobo()), channel, charge.paidAt(), Clocks.now(clock));
        return outbox.emit(Topics.BILLING, EventTypes.INVOICE_PAYMENT_CAPTURED, checkout.tenantId.toString(), checkout.tenancy(), data);
    }
}
