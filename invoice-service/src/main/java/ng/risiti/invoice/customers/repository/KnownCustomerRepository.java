package ng.risiti.invoice.customers.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.customers.domain.KnownCustomer;
import ng.risiti.platform.events.contract.CustomerState;
import ng.risiti.platform.persistence.ReplicaTable;

/** This service's replica of customers (see CustomerDirectory). */
@ApplicationScoped
public class KnownCustomerRepository implements PanacheRepositoryBase<KnownCustomer, UUID> {

    private static final ReplicaTable REPLICA = ReplicaTable.of("known_customers", "id",
            "tenant_id", "name", "email", "tin", "phone", "street_name", "city_name", "postal_zone", "country", "deleted", "test_mode",
            "updated_at", "contact_emails");

    /**
     * Writes the customer's state at {@code version} unless the replica holds a newer one (by the event's aggregate
     * version; a lookup's answer is version 0 and only fills a gap). One upsert, so two requests that both found the
     * customer missing both succeed, and a redelivered or reordered old event never moves the replica back.
     */
    public Uni<Void> apply(CustomerState state, long version) {
        CustomerState.Address address = state.billingAddress() != null ? state.billingAddress() : new CustomerState.Address(null, null, null, null);
        return REPLICA.apply(version, state.id(), state.tenantId(), state.name(), state.email(), state.tin(), state.phone(),
                address.streetName(), address.cityName(), address.postalZone(), address.country(), state.deletedAt() != null, state.testMode(),
                state.updatedAt(), state.contactEmailsOrNone().toArray(String[]::new));
    }
}
