package ng.risiti.invoice.customers.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import ng.risiti.invoice.customers.domain.KnownCustomer;
import ng.risiti.invoice.customers.repository.KnownCustomerRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Tenancy;
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

    /** The tenant's live customer in the caller's world, or 404 NOT_FOUND (also for another tenant's or world's customer). */
    public Uni<KnownCustomer> require(Tenancy tenancy, UUID customerId) {
        return Panache.withSession(() -> customers.findById(customerId))
                .flatMap(known -> {
                    if (known == null) {
                        return askCustomerService(tenancy, customerId);
                    }
                    // a customer the replica knows belongs to one tenant and world for good: any other, or a deleted one, is 404
                    return Uni.createFrom().item(visibleTo(known, tenancy) ? known : null);
                })
                .onItem().ifNull().failWith(() -> ApiException.notFound("Customer", customerId));
    }

    private static boolean visibleTo(KnownCustomer customer, Tenancy tenancy) {
        return customer.tenantId.equals(tenancy.tenantId()) && customer.testMode == tenancy.test() && !customer.deleted;
    }

    private Uni<KnownCustomer> askCustomerService(Tenancy tenancy, UUID customerId) {
        return lookup.find(customerId, tenancy.tenantId())
                .onFailure(CustomerDirectory::notFound).recoverWithNull()
                .onFailure().transform(failure -> {
                    // unknown is 404; unreachable is not the client's fault and must not look like a missing customer
                    LOG.warnf("Customer lookup at customer-service failed: %s", failure.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Customers cannot be checked right now; retry shortly.");
                })
                .flatMap(state -> state == null ? Uni.createFrom().nullItem()
                        : Panache.withTransaction(() -> customers.apply(state, 0).chain(() -> customers.findById(state.id())))
                                .map(known -> visibleTo(known, tenancy) ? known : null));
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
