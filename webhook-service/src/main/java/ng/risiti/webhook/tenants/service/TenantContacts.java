package ng.risiti.webhook.tenants.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.tenants.domain.TenantContact;
import ng.risiti.webhook.tenants.repository.TenantContactRepository;

/** Keeps each tenant's contact addresses from risiti.tenants.v1 (newer wins), for notices about its webhooks. */
@ApplicationScoped
public class TenantContacts {

    private final TenantContactRepository contacts;
    private final Clock clock;

    public TenantContacts(TenantContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /** In the consumer's transaction: applies one tenant event unless an event of a later version was applied already. */
    public Uni<Void> apply(TenantState state, long version) {
        return contacts.findById(state.tenantId()).flatMap(found -> {
            if (found != null && version != 0 && found.version >= version) {
                return Uni.createFrom().voidItem();
            }
            TenantContact contact = found != null ? found : new TenantContact();
            contact.tenantId = state.tenantId();
            contact.businessName = state.name();
            contact.contactEmail = state.contactEmail();
            if (state.member() != null && "owner".equals(state.member().role())) {
                contact.ownerEmail = state.member().email();
            }
            contact.version = Math.max(version, contact.version);
            contact.updatedAt = Clocks.now(clock);
            return (found != null ? Uni.createFrom().voidItem() : contacts.persist(contact).replaceWithVoid());
        });
    }

    /** The tenant's contact, or null when no tenant event has arrived for it. */
    public Uni<TenantContact> find(UUID tenantId) {
        return Panache.withSession(() -> contacts.findById(tenantId));
    }
}
