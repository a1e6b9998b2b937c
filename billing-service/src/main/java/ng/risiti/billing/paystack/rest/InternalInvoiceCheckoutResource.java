package ng.risiti.billing.paystack.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import ng.risiti.billing.paystack.service.InvoiceCheckouts;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.security.Tenancy;

/**
 * {@code /internal/invoice-checkouts}: invoice-service starts a Paystack payment for an invoice's amount due when a
 * payer presses Pay on its public page (docs/adr/0014). Network-internal: the shared service token guards every
 * {@code /internal} path. Each press is a new checkout (a payer who gave up may come back); Paystack's webhook pays one.
 */
@Path("/internal/invoice-checkouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalInvoiceCheckoutResource {

    public record Request(UUID tenantId, boolean testMode, UUID invoiceId, long amountKobo, String email, String callbackUrl) {
    }

    public record Started(String authorizationUrl, String reference, long amountKobo) {
    }

    private final InvoiceCheckouts checkouts;

    public InternalInvoiceCheckoutResource(InvoiceCheckouts checkouts) {
        this.checkouts = checkouts;
    }

    @POST
    @IgnoresIdempotencyKey("a service's own call; every press of Pay is its own checkout, and only a paid one has an effect")
    public Uni<Started> open(Request request) {
        if (request == null || request.tenantId() == null || request.invoiceId() == null) {
            throw ApiException.validation("invoice_id", "tenant_id and invoice_id are required");
        }
        if (request.amountKobo() < 100) {
            throw ApiException.validation("amount_kobo", "amount_kobo must be at least 100 (NGN 1.00)");
        }
        return checkouts.open(new InvoiceCheckouts.Request(new Tenancy(request.tenantId(), request.testMode()), request.invoiceId(),
                        request.amountKobo(), request.email(), request.callbackUrl()))
                .map(checkout -> new Started(checkout.authorizationUrl, checkout.reference, checkout.amountKobo));
    }
}
