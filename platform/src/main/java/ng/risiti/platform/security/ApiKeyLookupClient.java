package ng.risiti.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's internal lookup of one key by hash; never routed by the gateway. */
@RegisterRestClient(configKey = "risiti-auth")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/api-keys")
public interface ApiKeyLookupClient {

    @GET
    @Path("/{hash}")
    Uni<ApiKeyState> find(@PathParam("hash") String keyHash);
}
