package ng.risiti.invoice.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownCustomer;
import ng.risiti.invoice.repository.KnownCustomerRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.contract.CustomerState;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Customers as this service knows them: the replica fed by {@code risiti.customers.v1}, and for a customer created
 * a moment ago, one lookup at customer-service whose answer is kept in the replica.
 */
@ApplicationScoped
public class CustomerDirectory {

    private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);
    private final KnownCustomerRepository customers;
    private final CustomerLookupClient lookup;

    public CustomerDirectory(KnownCustomerRepository customers, @RestClient CustomerLookupClient lookup) {
        this.customers = customers;
        this.lookup = lookup;
    }

    /** The tenant's live customer, or 404 NOT_FOUND (also for another tenant's customer). */
    public Uni<KnownCustomer> require(UUID tenantId, UUID customerId) {
        return Panache.withSession(() -> customers.findForTenant(tenantId, customerId))
                .flatMap(known -> known != null ? Uni.createFrom().item(known) : askCustomerService(tenantId, customerId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", customerId));
    }

    private Uni<KnownCustomer> askCustomerService(UUID tenantId, UUID customerId) {
        return lookup.find(customerId, tenantId)
                .onFailure().recoverWithItem(failure -> {
                    if (!(failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404)) {
                        LOG.warnf("Customer lookup at customer-service failed: %s", failure.toString());
                    }
                    return null;
                })
                .flatMap(state -> state == null || !tenantId.equals(state.tenantId()) || state.deletedAt() != null
                        ? Uni.createFrom().nullItem()
                        : Panache.withTransaction(() -> apply(state)));
    }

    /** Applies a published customer state unless the replica already holds a newer one. */
    public Uni<KnownCustomer> apply(CustomerState state) {
        return customers.findById(state.id()).flatMap(existing -> {
            if (existing != null && existing.updatedAt != null && state.updatedAt() != null && existing.updatedAt.isAfter(state.updatedAt())) {
                return Uni.createFrom().item(existing);
            }
            KnownCustomer customer = existing != null ? existing : new KnownCustomer();
            customer.id = state.id();
            customer.tenantId = state.tenantId();
            customer.name = state.name();
            customer.email = state.email();
            customer.tin = state.tin();
            customer.deleted = state.deletedAt() != null;
            customer.updatedAt = state.updatedAt();
            return existing != null ? Uni.createFrom().item(customer) : customers.persist(customer);
        });
    }
}
