package ng.risiti.customer.customers.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.customer.customers.service.CustomerService;
import ng.risiti.platform.events.contract.CustomerState;
import ng.risiti.platform.rest.Ids;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /internal/customers/{id}}: the state another service's replica has not received yet. Network-internal:
 * the gateway never routes {@code /internal}, and callers need the shared service token ({@code X-Risiti-Service-Token}).
 */
@Path("/internal/customers")
@Produces(MediaType.APPLICATION_JSON)
public class InternalCustomerResource {

    private final CustomerService customers;

    public InternalCustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Path("/{id}")
    public Uni<CustomerState> get(@RestPath String id, @HeaderParam("X-Risiti-Tenant") String tenant) {
        return customers.state(Ids.parse(tenant, "Tenant"), Ids.parse(id, "Customer"));
    }
}
