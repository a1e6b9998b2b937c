package ng.risiti.invoice.paypage.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service starts the Paystack checkout for a pay page (it holds the Paystack keys and the webhook: docs/adr/0014). */
@RegisterRestClient(configKey = "risiti-billing")
@ClientHeaderParam(name = InternalEndpoints.SERVICE_TOKEN_HEADER, value = "${risiti.internal.service-token}")
@Path("/internal/invoice-checkouts")
public interface BillingCheckoutClient {

    record Request(UUID tenantId, boolean testMode, UUID invoiceId, long amountKobo, String email, String callbackUrl) {
    }

    record Started(String authorizationUrl, String reference, long amountKobo) {
    }

    @POST
    Uni<Started> open(Request request);
}
