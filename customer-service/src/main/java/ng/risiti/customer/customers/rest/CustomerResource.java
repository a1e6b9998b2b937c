package ng.risiti.customer.customers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import ng.risiti.customer.customers.domain.CustomerSearch;
import ng.risiti.customer.customers.service.CustomerChanges;
import ng.risiti.customer.customers.service.CustomerService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.DateRange;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.rest.Message;
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

    /** The customer lists' page size unless {@code limit} says otherwise (docs/specification.md, Customers). */
    static final int PAGE_SIZE = 20;

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
     * name for it; both work. 20 a page unless {@code limit} says otherwise (docs/specification.md, Customers).
     */
    @GET
    @RolesAllowed(Scope.CUSTOMERS_READ)
    public Uni<Page<CustomerResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String search,
            @RestQuery String q, @RestQuery String from, @RestQuery String to) {
        PageRequest page = pagination.request(cursor, limit, PAGE_SIZE);
        DateRange created = DateRange.parse(from, to);
        CustomerSearch filter = new CustomerSearch(search != null ? search : q, created.from(), created.to());
        return customers.page(Caller.of(identity), filter, page)
                .map(found -> pagination.page(found.rows(), page, row -> Map.of("id", row.customer().id.toString()))
                        .map(CustomerResponse::of).withTotal(found.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.CUSTOMERS_READ)
    public Uni<Data<CustomerResponse>> get(@RestPath String id) {
        return customers.get(Caller.of(identity), Ids.parse(id, "Customer"))
                .map(row -> Data.of(CustomerResponse.of(row)));
    }

    /** Only the fields sent change; {@code null} clears phone, tin, billing_address or notes. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<Data<CustomerResponse>> update(@RestPath String id, JsonNode body) {
        UUID customerId = Ids.parse(id, "Customer");
        CustomerChanges changes = CustomerPatch.read(body);
        return customers.update(Caller.of(identity), customerId, changes).map(row -> Data.of(CustomerResponse.of(row)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<Data<Message>> delete(@RestPath String id) {
        return customers.delete(Caller.of(identity), Ids.parse(id, "Customer")).replaceWith(Message.of("Customer deleted."));
    }

    /** Newest first, as invoice events told this service of them. */
    @GET
    @Path("/{id}/invoices")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<Page<CustomerInvoiceResponse>> invoices(@RestPath String id, @RestQuery String cursor, @RestQuery String limit) {
        PageRequest page = pagination.request(cursor, limit, PAGE_SIZE);
        return customers.invoices(Caller.of(identity), Ids.parse(id, "Customer"), page)
                .map(rows -> pagination.page(rows, page, row -> Map.of("id", row.invoiceId.toString()))
                        .map(CustomerInvoiceResponse::of));
    }

    @POST
    @Path("/{id}/contacts")
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<RestResponse<Data<ContactResponse>>> addContact(@RestPath String id, @Valid @NotNull ContactRequest request) {
        return customers.addContact(Caller.of(identity), Ids.parse(id, "Customer"), request.toNewContact())
                .map(contact -> RestResponse.status(RestResponse.Status.CREATED, Data.of(ContactResponse.of(contact))));
    }

    @DELETE
    @Path("/{id}/contacts/{contactId}")
    @RolesAllowed(Scope.CUSTOMERS_WRITE)
    public Uni<Data<Message>> removeContact(@RestPath String id, @RestPath String contactId) {
        return customers.removeContact(Caller.of(identity), Ids.parse(id, "Customer"), Ids.parse(contactId, "Contact"))
                .replaceWith(Message.of("Contact deleted."));
    }
}
