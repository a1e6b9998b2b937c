package ng.risiti.billing.entitlements.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import ng.risiti.billing.entitlements.service.EntitlementsPublisher;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.TenantState;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns each tenant's plan from auth-service ({@code tenant.created}, {@code tenant.updated} on
 * {@code risiti.tenants.v1}) and publishes its entitlements at once: every tenant is described from its registration,
 * and a plan an operator set (Enterprise) or a paid upgrade auth-service applied reaches every service.
 */
@ApplicationScoped
public class TenantPlanConsumer implements EventConsumer {

    public static final String CHANNEL = "tenant-plans";
    private static final Set<String> TYPES = Set.of(EventTypes.TENANT_CREATED, EventTypes.TENANT_UPDATED);

    private final Consumers consumers;
    private final EntitlementsPublisher entitlements;
    private final ObjectMapper json;

    public TenantPlanConsumer(Consumers consumers, EntitlementsPublisher entitlements, ObjectMapper json) {
        this.consumers = consumers;
        this.entitlements = entitlements;
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
        return TYPES.contains(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        TenantState tenant = event.data(json, TenantState.class);
        if (tenant.tenantId() == null) {
            throw new PermanentEventFailure("event " + event.id() + " names no tenant");
        }
        return entitlements.tenantPlan(tenant.tenantId(), tenant.planSlug() == null ? EntitlementsPublisher.FREE : tenant.planSlug(),
                event.aggregateVersion());
    }
}
