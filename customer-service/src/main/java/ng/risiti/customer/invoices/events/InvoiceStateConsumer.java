package ng.risiti.customer.invoices.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.customer.invoices.repository.CustomerInvoiceRepository;
import ng.risiti.platform.events.BulkEventConsumer;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each customer's invoice count and outstanding balance from invoice events. Each event carries the whole
 * invoice; applying it is an upsert by invoice id that only a newer aggregate version wins. invoice.deleted (a draft
 * deleted in invoice-service) keeps the row as a tombstone, status {@code deleted}, which lists and figures leave out.
 */
@ApplicationScoped
public class InvoiceStateConsumer implements BulkEventConsumer {

    public static final String CHANNEL = "invoices";

    private final Consumers consumers;
    private final CustomerInvoiceRepository invoices;
    private final ObjectMapper json;

    public InvoiceStateConsumer(Consumers consumers, CustomerInvoiceRepository invoices, ObjectMapper json) {
        this.consumers = consumers;
        this.invoices = invoices;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Void> applyAll(List<IncomingEvent> events) {
        // a deleted draft leaves the customer's list and figures; its row stays, so an older event cannot bring it back
        return invoices.applyAll(events.stream().map(event -> new CustomerInvoiceRepository.InvoiceState(event.data(json, InvoiceSnapshot.class),
                event.aggregateVersion(), EventTypes.INVOICE_DELETED.equals(event.type()))).toList());
    }
}
