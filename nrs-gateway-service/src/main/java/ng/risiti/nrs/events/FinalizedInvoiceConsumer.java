package ng.risiti.nrs.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.nrs.service.SubmissionService;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Inbox;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records a submission for every finalized invoice, exactly once per event (inbox in the same transaction). */
@ApplicationScoped
public class FinalizedInvoiceConsumer {

    public static final String CHANNEL = "invoices";
    static final String CONSUMER = "nrs-gateway.finalized-invoices";

    private final SubmissionService submissions;
    private final Inbox inbox;
    private final ObjectMapper json;

    public FinalizedInvoiceConsumer(SubmissionService submissions, Inbox inbox, ObjectMapper json) {
        this.submissions = submissions;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EventTypes.INVOICE_FINALIZED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        InvoiceSnapshot invoice = event.data(json, InvoiceSnapshot.class);
        return Consumers.applyInTransaction(() -> inbox.once(CONSUMER, event, () -> submissions.recordFinalized(invoice)));
    }
}
