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

    /**
     * The tenant's customer in the caller's world, or 404 NOT_FOUND (also for another tenant's or world's customer);
     * a customer the tenant deleted is 422 UNPROCESSABLE: it exists, but takes no new invoices.
     */
    public Uni<KnownCustomer> require(Tenancy tenancy, UUID customerId) {
        return Panache.withSession(() -> customers.findById(customerId))
                // a customer the replica knows belongs to one tenant and world for good
                .flatMap(known -> known == null ? askCustomerService(customerId, tenancy) : Uni.createFrom().item(known))
                .map(known -> {
                    if (known == null || !known.tenantId.equals(tenancy.tenantId()) || known.testMode != tenancy.test()) {
                        throw ApiException.notFound("Customer", customerId);
                    }
                    if (known.deleted) {
                        throw new ApiException(ErrorCode.UNPROCESSABLE,
                                "Customer '" + customerId + "' was deleted; new invoices cannot be issued to it.");
                    }
                    return known;
                });
    }

    private Uni<KnownCustomer> askCustomerService(UUID customerId, Tenancy tenancy) {
        return lookup.find(customerId, tenancy.tenantId())
                .onFailure(CustomerDirectory::notFound).recoverWithNull()
                .onFailure().transform(failure -> {
                    // unknown is 404; unreachable is not the client's fault and must not look like a missing customer
                    LOG.warnf("Customer lookup at customer-service failed: %s", failure.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Customers cannot be checked right now; retry shortly.");
                })
                .flatMap(state -> state == null ? Uni.createFrom().nullItem()
                        : Panache.withTransaction(() -> customers.apply(state, 0).chain(() -> customers.findById(state.id()))));
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
