package ng.risiti.invoice.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.domain.KnownTenant;
import ng.risiti.invoice.repository.KnownTenantRepository;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.TenantState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each tenant's invoicing settings from the compacted tenants topic. Every record carries the whole tenant,
 * so applying one is an upsert and a redelivery changes nothing; an older record never overwrites a newer one.
 */
@ApplicationScoped
public class TenantStateConsumer {

    public static final String CHANNEL = "tenants";

    private final KnownTenantRepository tenants;
    private final ObjectMapper json;

    public TenantStateConsumer(KnownTenantRepository tenants, ObjectMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        TenantState state = IncomingEvent.from(record).data(json, TenantState.class);
        return Consumers.applyInTransaction(() -> tenants.findById(state.tenantId()).flatMap(existing -> {
            if (existing != null && existing.updatedAt != null && state.updatedAt() != null && existing.updatedAt.isAfter(state.updatedAt())) {
                return Uni.createFrom().voidItem();
            }
            KnownTenant tenant = existing != null ? existing : new KnownTenant();
            tenant.id = state.tenantId();
            tenant.name = state.name();
            tenant.tin = state.tin();
            tenant.nrsServiceId = state.nrsServiceId();
            tenant.updatedAt = state.updatedAt();
            return existing != null ? Uni.createFrom().voidItem() : tenants.persist(tenant).replaceWithVoid();
        }));
    }
}
