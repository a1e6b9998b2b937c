package ng.risiti.invoice.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownCustomer;
import ng.risiti.invoice.repository.KnownCustomerRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
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
        return Panache.withSession(() -> customers.findById(customerId))
                .flatMap(known -> {
                    if (known == null) {
                        return askCustomerService(tenantId, customerId);
                    }
                    // a customer the replica knows belongs to one tenant for good: another tenant's or a deleted one is 404
                    return Uni.createFrom().item(known.tenantId.equals(tenantId) && !known.deleted ? known : null);
                })
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", customerId));
    }

    private Uni<KnownCustomer> askCustomerService(UUID tenantId, UUID customerId) {
        return lookup.find(customerId, tenantId)
                .onFailure(CustomerDirectory::notFound).recoverWithNull()
                .onFailure().transform(failure -> {
                    // unknown is 404; unreachable is not the client's fault and must not look like a missing customer
                    LOG.warnf("Customer lookup at customer-service failed: %s", failure.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Customers cannot be checked right now; retry shortly.");
                })
                .flatMap(state -> state == null || !tenantId.equals(state.tenantId()) || state.deletedAt() != null
                        ? Uni.createFrom().nullItem()
                        : Panache.withTransaction(() -> apply(state)));
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
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
