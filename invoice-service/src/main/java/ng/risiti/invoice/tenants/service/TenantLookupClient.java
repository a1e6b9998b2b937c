package ng.risiti.invoice.tenants.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's internal lookup, for a tenant registered a moment ago that the replica has not seen yet. */
@RegisterRestClient(configKey = "risiti-auth")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/tenants")
public interface TenantLookupClient {

    @GET
    @Path("/{id}")
    Uni<TenantState> find(@PathParam("id") UUID id);
}
