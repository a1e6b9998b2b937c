package ng.risiti.nrs.taxpayers.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * NRS's utilities API (the sandbox locally). Answers come back as they are (any status), so the caller reads NRS's
 * envelope itself: a 404 there is an answer (no such taxpayer), not a failure.
 */
@RegisterRestClient(configKey = "nrs")
@ClientHeaderParam(name = "x-api-key", value = "${risiti.nrs.api-key}")
@ClientHeaderParam(name = "x-api-secret", value = "${risiti.nrs.api-secret}")
@Path("/api/v1/utilities")
public interface NrsUtilitiesClient {

    @POST
    @Path("/verify-tin")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> verifyTin(JsonNode body);
}
