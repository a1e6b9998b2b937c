package ng.risiti.invoice.customers.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
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
     * The tenant's customer in the caller's world, to invoice. One that does not exist, is another tenant's or world's,
     * or was deleted is 400 VALIDATION_ERROR on {@code customer_id}: the request names a bad customer (a 404 would read
     * as a missing endpoint), and another tenant's customer answers exactly as an unknown one, so nobody learns it exists.
     * 503 when customer-service cannot be asked about a customer the replica has not seen.
     */
    public Uni<KnownCustomer> require(Tenancy tenancy, UUID customerId) {
        return Panache.withSession(() -> customers.findById(customerId))
                // a customer the replica knows belongs to one tenant and world for good
                .flatMap(known -> known == null ? askCustomerService(customerId, tenancy) : Uni.createFrom().item(known))
                .map(known -> {
                    if (known == null || !known.tenantId.equals(tenancy.tenantId()) || known.testMode != tenancy.test()) {
                        throw notOfThisBusiness();
                    }
                    if (known.deleted) {
                        throw ApiException.validation("customer_id", "customer " + customerId + " was deleted; new invoices cannot be issued to it");
                    }
                    return known;
                });
    }

    /**
     * The addresses of the customer's contacts as the replica last heard them (none for a customer it has not seen, or
     * one deleted since); joins the caller's session.
     */
    public Uni<List<String>> contactEmails(Tenancy tenancy, UUID customerId) {
        return customers.findById(customerId).map(known -> known == null || known.deleted || known.contactEmails == null
                || !known.tenantId.equals(tenancy.tenantId()) || known.testMode != tenancy.test() ? List.<String>of()
                : List.of(known.contactEmails));
    }

    /** The refusal of a customer_id that names no customer of the caller's business and world. */
    public static ApiException notOfThisBusiness() {
        return ApiException.validation("customer_id", "customer_id does not name a customer of this business");
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
