package ng.risiti.webhook.tenants.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.webhook.tenants.service.TenantContacts;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads risiti.tenants.v1 (compacted: every record is the whole tenant) for the addresses webhook notices go to. */
@ApplicationScoped
public class TenantEventConsumer implements EventConsumer {

    public static final String CHANNEL = "tenants";

    private final Consumers consumers;
    private final TenantContacts contacts;
    private final ObjectMapper json;

    public TenantEventConsumer(Consumers consumers, TenantContacts contacts, ObjectMapper json) {
        this.consumers = consumers;
        this.contacts = contacts;
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
    public Uni<Void> apply(IncomingEvent event) {
        return contacts.apply(event.data(json, TenantState.class), event.aggregateVersion());
    }
}
