package ng.risiti.customer.verifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The NIN lookup provider (the sandbox's stand-in locally): 200 found, 404 not registered, 400 malformed. */
@RegisterRestClient(configKey = "nin-provider")
@Path("/nin/v1/identities")
public interface NinProviderClient {

    @GET
    @Path("/{nin}")
    Uni<JsonNode> lookup(@PathParam("nin") String nin);
}
