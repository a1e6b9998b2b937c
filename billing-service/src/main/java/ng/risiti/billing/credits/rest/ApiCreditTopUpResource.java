package ng.risiti.billing.credits.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.credits.service.CreditWallet;
import ng.risiti.billing.paystack.rest.CheckoutResponse;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/** {@code /api/v1/api-credits/top-up}: a Paystack checkout for credits; the balance rises when Paystack confirms the payment. */
@Path("/api/v1/api-credits/top-up")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiCreditTopUpResource {

    private final CreditWallet wallet;
    private final SecurityIdentity identity;

    public ApiCreditTopUpResource(CreditWallet wallet, SecurityIdentity identity) {
        this.wallet = wallet;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<CheckoutResponse>> topUp(@Valid @NotNull TopUpRequest request) {
        Caller caller = Caller.of(identity);
        return wallet.topUp(caller, request.amountKobo(), Checkouts.payerEmail(request.email(), caller.tenancy()))
                .map(checkout -> Data.of(CheckoutResponse.of(checkout)));
    }
}
