package ng.risiti.nrs.submissions.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.nrs.submissions.service.SubmissionService;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records a submission for every finalized invoice, exactly once per event (the inbox shares its transaction). */
@ApplicationScoped
public class FinalizedInvoiceConsumer implements EventConsumer {

    public static final String CHANNEL = "invoices";

    private final Consumers consumers;
    private final SubmissionService submissions;
    private final ObjectMapper json;

    public FinalizedInvoiceConsumer(Consumers consumers, SubmissionService submissions, ObjectMapper json) {
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
        return EventTypes.INVOICE_FINALIZED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return submissions.recordFinalized(event.data(json, InvoiceSnapshot.class)).replaceWithVoid();
    }
}
