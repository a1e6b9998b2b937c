package ng.risiti.invoice.nrs.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import io.quarkus.hibernate.reactive.panache.Panache;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.nrs.repository.FirsOutcomes;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.FirsSubmissionOutcome;
import ng.risiti.platform.time.Clocks;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records on the invoice what NRS said (risiti.nrs.v1), once per event: the inbox shares the update's transaction.
 * When that moves the invoice's status (to {@code firs_submission_failed}, or back after a retry succeeded), the
 * invoice's own stream says so with {@code invoice.updated}, so its readers (customer-service's lists) follow.
 */
@ApplicationScoped
public class FirsOutcomeConsumer implements EventConsumer {

    public static final String CHANNEL = "nrs";

    private final Consumers consumers;
    private final FirsOutcomes outcomes;
    private final InvoiceRepository invoices;
    private final InvoiceEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public FirsOutcomeConsumer(Consumers consumers, FirsOutcomes outcomes, InvoiceRepository invoices, InvoiceEvents events, ObjectMapper json,
            Clock clock) {
        this.consumers = consumers;
        this.outcomes = outcomes;
        this.invoices = invoices;
        this.events = events;
        this.json = json;
        this.clock = clock;
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
        return EventTypes.INVOICE_FIRS_SUBMITTED.equals(type) || EventTypes.INVOICE_FIRS_SUBMISSION_FAILED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        FirsSubmissionOutcome outcome = event.data(json, FirsSubmissionOutcome.class);
        String response = outcome.firsResponse() == null ? null : outcome.firsResponse().toString();
        // the envelope's tenant and world, as every consumer reads them; the data's are the same when the gateway wrote it
        java.util.UUID tenant = event.tenantId() != null ? event.tenantId() : outcome.tenantId();
        boolean test = event.test() != null ? event.test() : outcome.testMode();
        Tenancy tenancy = new Tenancy(tenant, test);
        // the row lock first, as every write of an invoice takes it
        return invoices.lockForTenant(tenancy, outcome.invoiceId()).flatMap(invoice -> {
            if (invoice == null) {
                return Uni.createFrom().voidItem();
            }
            InvoiceStatus before = invoice.status;
            Uni<Integer> applied = EventTypes.INVOICE_FIRS_SUBMITTED.equals(event.type())
                    ? outcomes.submitted(tenant, test, outcome.invoiceId(), outcome.firsSubmittedAt(), response,
                            event.aggregateVersion(), Clocks.now(clock))
                    : outcomes.failed(tenant, test, outcome.invoiceId(), response, event.aggregateVersion(), Clocks.now(clock));
            // the update went around the session: read the row again (the session's copy is the one from before it)
            return applied.flatMap(changed -> changed == 0 ? Uni.createFrom().voidItem()
                    : Panache.getSession().invoke(session -> session.detach(invoice))
                            .flatMap(ignored -> invoices.findForTenant(tenancy, outcome.invoiceId()))
                            .flatMap(after -> after == null || after.status == before ? Uni.createFrom().voidItem()
                                    : events.emit(EventTypes.INVOICE_UPDATED, after)));
        });
    }
}
