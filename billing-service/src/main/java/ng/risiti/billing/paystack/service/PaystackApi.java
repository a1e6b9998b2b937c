package ng.risiti.billing.paystack.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The Paystack call we make: {@code POST /transaction/initialize} (Bearer secret key). Built per world by {@link PaystackClient}. */
@Path("/transaction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PaystackApi {

    @POST
    @Path("/initialize")
    Uni<Initialized> initialize(@HeaderParam("Authorization") String authorization, Initialize request);

    /** Amount in kobo; {@code metadata} comes back on the transaction's webhooks. */
    @RegisterForReflection
    record Initialize(String email, long amount, String currency, String reference, String callbackUrl, Map<String, Object> metadata) {
    }

    @RegisterForReflection
    record Initialized(boolean status, String message, Authorization data) {
    }

    @RegisterForReflection
    record Authorization(String authorizationUrl, String accessCode, String reference) {
    }
}
