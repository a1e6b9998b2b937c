package ng.risiti.invoice.journal.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.invoice.journal.service.Journal;
import ng.risiti.platform.pagination.DayRange;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/v1/reports/trial-balance}: the journal's balances per account up to {@code as_of} (a date; today's books when absent). */
@Path("/api/v1/reports/trial-balance")
@Produces(MediaType.APPLICATION_JSON)
public class TrialBalanceResource {

    private final Journal journal;
    private final SecurityIdentity identity;

    public TrialBalanceResource(Journal journal, SecurityIdentity identity) {
        this.journal = journal;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    public Uni<Data<TrialBalanceResponse>> get(@RestQuery("as_of") String asOf) {
        return journal.trialBalance(Caller.of(identity), DayRange.day("as_of", asOf)).map(balance -> Data.of(TrialBalanceResponse.of(balance)));
    }
}
