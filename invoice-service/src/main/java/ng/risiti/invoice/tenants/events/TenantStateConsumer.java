package ng.risiti.invoice.tenants.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.tenants.repository.KnownTenantRepository;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.TenantState;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each tenant's invoicing settings from the compacted tenants topic. Every record carries the whole tenant, so
 * applying one is an upsert; an older record (by aggregate version) never overwrites a newer one.
 */
@ApplicationScoped
public class TenantStateConsumer implements EventConsumer {

    public static final String CHANNEL = "tenants";

    private final Consumers consumers;
    private final KnownTenantRepository tenants;
    private final ObjectMapper json;

    public TenantStateConsumer(Consumers consumers, KnownTenantRepository tenants, ObjectMapper json) {
        this.consumers = consumers;
        this.tenants = tenants;
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
        return tenants.apply(event.data(json, TenantState.class), event.aggregateVersion());
    }
}
