package ng.risiti.billing.credits.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.credits.service.CreditWallet;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Tenancy;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /internal/api-credits/{tenantId}}: a tenant's credit balance for another service deciding whether a paid use
 * may start (customer-service before a TIN or NIN lookup). Network-internal: the shared service token
 * (platform {@code InternalEndpoints}) guards every {@code /internal} path.
 */
@Path("/internal/api-credits/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class InternalCreditResource {

    public record Balance(long balanceKobo, long freeCallsRemaining) {
    }

    private final CreditWallet wallet;

    public InternalCreditResource(CreditWallet wallet) {
        this.wallet = wallet;
    }

    @GET
    public Uni<Balance> balance(@RestPath String tenantId, @RestQuery("test_mode") boolean testMode) {
        return wallet.balance(new Tenancy(Ids.parse(tenantId, "Tenant"), testMode)).map(totals -> new Balance(totals[0], totals[1]));
    }
}
