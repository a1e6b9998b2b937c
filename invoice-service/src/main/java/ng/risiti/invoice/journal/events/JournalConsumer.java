package ng.risiti.invoice.journal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.journal.service.JournalPostings;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Posts the books from invoice-service's own events on {@code risiti.invoices.v1} (group
 * {@code invoice-service.journal}), not from the use cases: an invoice action never waits for or fails on a posting,
 * and the platform's inbox applies each event once, in the transaction of its entry (docs/adr/0009).
 */
@ApplicationScoped
public class JournalConsumer implements EventConsumer {

    public static final String CHANNEL = "journal";
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final Set<String> POSTED = Set.of(EventTypes.INVOICE_FINALIZED, EventTypes.PAYMENT_RECEIVED, EventTypes.INVOICE_VOIDED,
            EventTypes.INVOICE_CREDITED);

    private final Consumers consumers;
    private final JournalPostings postings;
    private final ObjectMapper json;

    public JournalConsumer(Consumers consumers, JournalPostings postings, ObjectMapper json) {
        this.consumers = consumers;
        this.postings = postings;
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
        return POSTED.contains(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        JsonNode data = event.data(json, JsonNode.class);
        InvoiceSnapshot invoice = snapshot(event, data);
        return switch (event.type()) {
            case EventTypes.INVOICE_FINALIZED -> postings.finalized(invoice);
            case EventTypes.PAYMENT_RECEIVED -> postings.paymentReceived(uuid(event, data, "payment_id"), Kobo.of(number(event, data, "amount_kobo")),
                    // events written before payments carried it withheld nothing
                    Kobo.of(data.has("wht_withheld_kobo") ? number(event, data, "wht_withheld_kobo") : 0),
                    text(event, data, "payment_method"), date(event, data, "payment_date"), invoice);
            case EventTypes.INVOICE_VOIDED -> postings.voided(invoice, event.time() == null ? invoice.issueDate()
                    : event.time().atZoneSameInstant(LAGOS).toLocalDate());
            case EventTypes.INVOICE_CREDITED -> postings.credited(invoice);
            default -> Uni.createFrom().voidItem();
        };
    }

    private InvoiceSnapshot snapshot(IncomingEvent event, JsonNode data) {
        try {
            InvoiceSnapshot invoice = json.treeToValue(data, InvoiceSnapshot.class);
            if (invoice.invoiceId() == null || invoice.tenantId() == null || invoice.issueDate() == null) {
                throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") names no invoice, tenant or issue date");
            }
            return invoice;
        } catch (JsonProcessingException e) {
            throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") is not an invoice snapshot: " + e.getMessage(), e);
        }
    }

    private static String text(IncomingEvent event, JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isValueNode() || node.isNull()) {
            throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") has no " + field);
        }
        return node.asText();
    }

    private static long number(IncomingEvent event, JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") has no whole " + field);
        }
        return node.asLong();
    }

    private static UUID uuid(IncomingEvent event, JsonNode data, String field) {
        try {
            return UUID.fromString(text(event, data, field));
        } catch (IllegalArgumentException e) {
            throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") has a malformed " + field, e);
        }
    }

    private static LocalDate date(IncomingEvent event, JsonNode data, String field) {
        try {
            return LocalDate.parse(text(event, data, field));
        } catch (DateTimeParseException e) {
            throw new PermanentEventFailure("event " + event.id() + " (" + event.type() + ") has a malformed " + field, e);
        }
    }
}
