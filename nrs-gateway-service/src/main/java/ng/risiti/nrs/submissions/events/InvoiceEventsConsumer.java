package ng.risiti.nrs.submissions.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import ng.risiti.nrs.submissions.service.SubmissionService;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The invoice events the gateway acts on, exactly once per event (the inbox shares each effect's transaction): a
 * finalized invoice gets its pending submission; a payment, a payment in full, a credit or a void changes the payment
 * status NRS must be told of. Every event of the topic reads as an InvoiceSnapshot (payment.received too).
 */
@ApplicationScoped
public class InvoiceEventsConsumer implements EventConsumer {

    public static final String CHANNEL = "invoices";

    private static final Set<String> PAYMENT_STATUS_CHANGES = Set.of(EventTypes.PAYMENT_RECEIVED, EventTypes.INVOICE_PAID,
            EventTypes.INVOICE_VOIDED, EventTypes.INVOICE_CREDITED);

    private final Consumers consumers;
    private final SubmissionService submissions;
    private final ObjectMapper json;

    public InvoiceEventsConsumer(Consumers consumers, SubmissionService submissions, ObjectMapper json) {
        this.consumers = consumers;
        this.submissions = submissions;
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
    public boolean wants(String type) {
        return EventTypes.INVOICE_FINALIZED.equals(type) || PAYMENT_STATUS_CHANGES.contains(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        InvoiceSnapshot invoice = event.data(json, InvoiceSnapshot.class);
        if (EventTypes.INVOICE_FINALIZED.equals(event.type())) {
            return submissions.recordFinalized(invoice);
        }
        String reference = EventTypes.PAYMENT_RECEIVED.equals(event.type()) ? referenceOf(event) : null;
        return submissions.paymentStatusChanged(invoice, reference, event.aggregateVersion());
    }

    private String referenceOf(IncomingEvent event) {
        try {
            String reference = json.readTree(event.data()).path("reference").asText(null);
            return reference == null || reference.isBlank() ? null : reference;
        } catch (Exception e) {
            return null;
        }
    }
}
