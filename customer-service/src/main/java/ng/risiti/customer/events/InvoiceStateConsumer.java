package ng.risiti.customer.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.customer.domain.CustomerInvoice;
import ng.risiti.customer.repository.CustomerInvoiceRepository;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each customer's invoice count and outstanding balance from invoice events. Each event carries the whole
 * invoice, and applying it is an upsert by invoice id, so redelivery is harmless without an inbox.
 */
@ApplicationScoped
public class InvoiceStateConsumer {

    public static final String CHANNEL = "invoices";

    private final CustomerInvoiceRepository invoices;
    private final ObjectMapper json;

    public InvoiceStateConsumer(CustomerInvoiceRepository invoices, ObjectMapper json) {
        this.invoices = invoices;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        InvoiceSnapshot invoice = IncomingEvent.from(record).data(json, InvoiceSnapshot.class);
        return Consumers.applyInTransaction(() -> invoices.findById(invoice.invoiceId()).flatMap(existing -> {
            CustomerInvoice row = existing != null ? existing : new CustomerInvoice();
            row.invoiceId = invoice.invoiceId();
            row.tenantId = invoice.tenantId();
            row.customerId = invoice.customerId();
            row.status = invoice.status();
            row.amountDueKobo = invoice.amountDueKobo();
            return existing != null ? Uni.createFrom().voidItem() : invoices.persist(row).replaceWithVoid();
        }));
    }
}
