package ng.risiti.billing.paystack.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.paystack.service.PaystackWebhooks;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.rest.Data;

/**
 * {@code /api/v1/webhooks/paystack}: Paystack's webhooks. Public (Paystack has no credential of ours); the signature
 * over the raw body is the access control, so the body is read as bytes, untouched.
 */
@Path("/api/v1/webhooks/paystack")
@Produces(MediaType.APPLICATION_JSON)
public class PaystackWebhookResource {

    private final PaystackWebhooks webhooks;

    public PaystackWebhookResource(PaystackWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @IgnoresIdempotencyKey("Paystack sends no Idempotency-Key; each event is deduplicated by its own identity (event + id)")
    public Uni<Data<PaystackWebhooks.Receipt>> receive(@HeaderParam("x-paystack-signature") String signature, byte[] body) {
        return webhooks.receive(body, signature).map(Data::of);
    }
}
