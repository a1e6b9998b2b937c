package ng.risiti.billing.credits.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.credits.service.CreditWallet;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.ApiKeyRegistry;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/** {@code /api/v1/api-credits}: the API-credit wallet (seed 000). Owner or admin. */
@Path("/api/v1/api-credits")
@Produces(MediaType.APPLICATION_JSON)
public class ApiCreditResource {

    private final CreditWallet wallet;
    private final ApiKeyRegistry apiKeys;
    private final SecurityIdentity identity;

    public ApiCreditResource(CreditWallet wallet, ApiKeyRegistry apiKeys, SecurityIdentity identity) {
        this.wallet = wallet;
        this.apiKeys = apiKeys;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<WalletResponse>> get() {
        Caller caller = Caller.of(identity);
        return wallet.wallet(caller).map(current -> Data.of(WalletResponse.of(current, apiKeys.usableKeys(caller.tenancy()))));
    }
}
