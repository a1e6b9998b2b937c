package ng.risiti.invoice.customers.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import ng.risiti.platform.events.contract.CustomerState;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's internal lookup, for a customer created a moment ago that the replica has not seen yet. */
@RegisterRestClient(configKey = "risiti-customer")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/customers")
public interface CustomerLookupClient {

    @GET
    @Path("/{id}")
    Uni<CustomerState> find(@PathParam("id") UUID id, @HeaderParam("X-Risiti-Tenant") UUID tenantId);
}
