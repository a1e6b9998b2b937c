package ng.risiti.invoice.sending.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.customers.service.CustomerDirectory;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.sending.domain.DeliveryChannel;
import ng.risiti.invoice.sending.domain.InvoiceDelivery;
import ng.risiti.invoice.sending.domain.SendableInvoice;
import ng.risiti.invoice.sending.repository.DeliveryRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/**
 * Sends an invoice to its customer (docs/specification.md, Sending): one transaction records a pending delivery per
 * channel and recipient, moves a finalized invoice to sent and writes invoice.sent to the outbox, holding the
 * invoice's row lock so a payment or credit note at the same moment takes its turn. Delivery itself happens after
 * the commit ({@link DeliveryDispatcher}), so no provider being away can fail or lose the send. Sending needs no
 * plan: it is a Free feature, and the PDF it attaches is the customer's copy, not the Starter download.
 */
@ApplicationScoped
public class InvoiceSending {

    private final InvoiceRepository invoices;
    private final DeliveryRepository deliveries;
    private final InvoiceEvents events;
    private final CustomerDirectory customers;
    private final Clock clock;

    public InvoiceSending(InvoiceRepository invoices, DeliveryRepository deliveries, InvoiceEvents events, CustomerDirectory customers,
            Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    /** The deliveries recorded, one per channel and recipient; {@code message} (or null) goes into the email. */
    public Uni<List<InvoiceDelivery>> send(Caller caller, UUID invoiceId, Set<DeliveryChannel> channels, String message) {
        return Panache.withTransaction(() -> invoices.lockForTenant(caller.tenancy(), invoiceId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", invoiceId))
                .flatMap(invoice -> contactEmails(caller, invoice, channels).flatMap(contacts -> {
                    OffsetDateTime now = Clocks.now(clock);
                    List<InvoiceDelivery> recorded = SendableInvoice.recipients(invoice, channels, contacts).stream()
                            .map(recipient -> InvoiceDelivery.pending(UuidV7.next(), invoice, recipient, message, now))
                            .toList();
                    SendableInvoice.markSent(invoice, now);
                    return deliveries.persist(recorded)
                            .call(() -> events.emit(EventTypes.INVOICE_SENT, invoice))
                            .replaceWith(recorded);
                })));
    }

    /** Only an email goes to the contacts; a customer deleted since the invoice was issued still gets it at its snapshot address. */
    private Uni<List<String>> contactEmails(Caller caller, Invoice invoice, Set<DeliveryChannel> channels) {
        return channels.contains(DeliveryChannel.EMAIL) && invoice.customerId != null
                ? customers.contactEmails(caller.tenancy(), invoice.customerId)
                : Uni.createFrom().item(List.of());
    }
}
