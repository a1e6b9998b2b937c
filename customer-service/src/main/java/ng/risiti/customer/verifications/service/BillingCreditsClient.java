package ng.risiti.customer.verifications.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's view of a tenant's API credits: asked before a paid verification starts. */
@RegisterRestClient(configKey = "risiti-billing")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/api-credits/{tenantId}")
public interface BillingCreditsClient {

    record Balance(long balanceKobo, long freeCallsRemaining) {
    }

    @GET
    Uni<Balance> balance(@PathParam("tenantId") UUID tenantId, @QueryParam("test_mode") boolean testMode);
}
