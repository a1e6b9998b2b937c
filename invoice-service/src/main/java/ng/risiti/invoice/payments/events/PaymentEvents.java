package ng.risiti.invoice.payments.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.payments.domain.Payment;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.PaymentReceived;
import ng.risiti.platform.security.Tenancy;

/** Writes {@code payment.received} to the outbox, keyed by the invoice so it stays in order with the invoice's events. */
@ApplicationScoped
public class PaymentEvents {

    private final Outbox outbox;

    public PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The payment with the invoice as it stands after it. */
    public Uni<Void> received(Invoice invoice, Payment payment) {
        return outbox.emit(Topics.INVOICES, EventTypes.PAYMENT_RECEIVED, invoice.id.toString(), new Tenancy(invoice.tenantId, invoice.testMode),
                PaymentReceived.of(payment.id, payment.amount.toNairaString(), payment.amount.value(), payment.method.code(),
                        payment.method.word(), payment.reference, payment.paidOn, payment.createdAt, payment.whtWithheld.toNairaString(),
                        payment.whtWithheld.value(), InvoiceEvents.snapshot(invoice)));
    }
}
