package ng.risiti.customer.customers.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.customer.customers.service.CustomerService;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/customers}: the customer endpoints of docs/specification.md (Customers). */
@Path("/api/v1/customers")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService customers;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public CustomerResource(CustomerService customers, Pagination pagination, SecurityIdentity identity) {
        this.customers = customers;
        this.pagination = pagination;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<RestResponse<Data<CustomerResponse>>> create(@Valid @NotNull CreateCustomerRequest request) {
        return customers.create(Caller.of(identity), request.toNewCustomer())
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, Data.of(CustomerResponse.of(created))));
    }

    /**
     * {@code search} is the customer list's own name for its search parameter, {@code q} the common list filters'
     * name for it; both work (docs/specification.md, Customers).
     */
    @GET
    @RolesAllowed(Scope.CUSTOMERS_READ)
    public Uni<Page<CustomerResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String search, @RestQuery String q) {
        PageRequest page = pagination.request(cursor, limit);
        return customers.page(Caller.of(identity), search != null ? search : q, page)
                .map(rows -> pagination.page(rows, page, row -> Map.of("id", row.customer().id.toString()))
                        .map(CustomerResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.CUSTOMERS_READ)
    public Uni<Data<CustomerResponse>> get(@RestPath String id) {
        return customers.get(Caller.of(identity), Ids.parse(id, "Customer"))
                .map(row -> Data.of(CustomerResponse.of(row)));
    }
}
