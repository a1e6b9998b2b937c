package ng.risiti.billing.credits.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.billing.credits.service.CreditWallet;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/v1/api-credits/ledger}: every entry of the wallet, newest first, with cursor pagination. */
@Path("/api/v1/api-credits/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class ApiCreditLedgerResource {

    private final CreditWallet wallet;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public ApiCreditLedgerResource(CreditWallet wallet, Pagination pagination, SecurityIdentity identity) {
        this.wallet = wallet;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    public Uni<Page<LedgerEntryResponse>> list(@RestQuery String cursor, @RestQuery String limit) {
        PageRequest page = pagination.request(cursor, limit);
        return wallet.entries(Caller.of(identity), page)
                .map(rows -> pagination.page(rows, page, last -> Map.of("created_at", last.createdAt().toString(), "id", last.id().toString())))
                .map(rows -> rows.map(LedgerEntryResponse::of));
    }
}
