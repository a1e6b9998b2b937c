package ng.risiti.customer.verifications.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** nrs-gateway-service's TIN check at NRS (it holds the NRS credentials). */
@RegisterRestClient(configKey = "risiti-nrs-gateway")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/nrs/verify-tin")
public interface NrsGatewayClient {

    record TinQuestion(String tin) {
    }

    record TinAnswer(String tin, boolean registered, String taxpayerName) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<TinAnswer> verifyTin(TinQuestion question);
}
