package ng.risiti.invoice.journal.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.invoice.journal.domain.JournalFilter;
import ng.risiti.invoice.journal.domain.SourceType;
import ng.risiti.invoice.journal.service.Journal;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.DayRange;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/v1/journal}: the books, read-only (docs/specification.md, Journal). Entries are posted by the events of
 * invoices and by expenses, never through this path.
 */
@Path("/api/v1/journal")
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

    private final Journal journal;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public JournalResource(Journal journal, Pagination pagination, SecurityIdentity identity) {
        this.journal = journal;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** Newest posted first; {@code from} and {@code to} are entry dates (both included), {@code source} the kind of source. */
    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    public Uni<Page<JournalEntryResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String from, @RestQuery String to,
            @RestQuery String source) {
        PageRequest page = pagination.request(cursor, limit);
        DayRange dates = DayRange.parse(from, to);
        SourceType kind = source == null || source.isBlank() ? null : SourceType.parse(source.trim())
                .orElseThrow(() -> ApiException.validation("source", "source must be one of " + SourceType.choices()));
        return journal.page(Caller.of(identity), new JournalFilter(dates.from(), dates.to(), kind), page)
                .map(rows -> pagination.page(rows, page, entry -> Map.of("id", entry.id().toString())).map(JournalEntryResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.REPORTS_READ)
    public Uni<Data<JournalEntryResponse>> get(@RestPath String id) {
        return journal.get(Caller.of(identity), Ids.parse(id, "Journal entry")).map(entry -> Data.of(JournalEntryResponse.of(entry)));
    }
}
