package ng.risiti.customer.customers.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.customer.customers.domain.CustomerSearch;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/** Live (not deleted) customers, always within one tenant and, for its API, one world (live or test). */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Uni<Customer> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = ?1 and testMode = ?2 and id = ?3 and deletedAt is null", tenancy.tenantId(), tenancy.test(), id).firstResult();
    }

    /** Deleted ones too, in either world: for the internal lookup, whose caller checks the world and the deletion. */
    public Uni<Customer> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The oldest live customer with this (lower-cased) email in the caller's world, or null. */
    public Uni<Customer> findByEmail(Tenancy tenancy, String email) {
        return find("tenantId = ?1 and testMode = ?2 and email = ?3 and deletedAt is null order by id",
                tenancy.tenantId(), tenancy.test(), email).firstResult();
    }

    /**
     * Holds, until the transaction ends, a lock on one email of one tenant's world: two find-or-creates for the same
     * email then run one after the other, so the second finds what the first created.
     */
    public Uni<Void> lockEmail(Tenancy tenancy, String email) {
        return SessionSql.rows("select pg_advisory_xact_lock(hashtextextended($1, 0))",
                tenancy.tenantId() + "|" + tenancy.test() + "|" + email).replaceWithVoid();
    }

    /**
     * For a text search, plans this transaction's statements for their actual pattern. PostgreSQL otherwise switches a
     * prepared statement to a generic plan after five runs, and the generic plan of {@code like $1 ... order by id
     * limit 21} walks the tenant's rows newest first testing each: 100 ms at 100,000 customers instead of a few through
     * the trigram index (bench/README.md, CustomerSearchLatency).
     */
    public Uni<Void> planForThisSearch(CustomerSearch search) {
        return search.text() == null || search.text().isBlank() ? Uni.createFrom().voidItem()
                : SessionSql.update("set local plan_cache_mode = force_custom_plan").replaceWithVoid();
    }

    /** Newest first (ids are UUIDv7, time-ordered). */
    public Uni<List<Customer>> page(Tenancy tenancy, CustomerSearch search, PageRequest page) {
        Filter filter = filter(tenancy, search);
        if (page.after("id") != null) {
            filter.query.append(" and id < :after");
            filter.parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(filter.query + " order by id desc", filter.parameters).page(0, page.fetchSize()).list();
    }

    /** How many customers the search matches in all, for the list's {@code meta.total}. */
    public Uni<Long> count(Tenancy tenancy, CustomerSearch search) {
        Filter filter = filter(tenancy, search);
        return count(filter.query.toString(), filter.parameters);
    }

    private record Filter(StringBuilder query, Parameters parameters) {
    }

    private static Filter filter(Tenancy tenancy, CustomerSearch search) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and testMode = :test and deletedAt is null");
        Parameters parameters = Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
        if (search.text() != null && !search.text().isBlank()) {
            String text = search.text().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            if (text.indexOf('@') > 0) {
                // an email, or its beginning: the email index answers at once, where the trigram index would read the
                // long lists of trigrams every address shares ("@ex", ".ng"); "@konga.com" (a domain) still searches anywhere
                query.append(" and email like :text");
                parameters.and("text", text + "%");
            } else {
                // searchText is lower-cased by PostgreSQL; LIKE with both wildcards is what the trigram index serves
                query.append(" and searchText like :text");
                parameters.and("text", "%" + text + "%");
            }
        }
        if (search.createdFrom() != null) {
            query.append(" and createdAt >= :from");
            parameters.and("from", search.createdFrom());
        }
        if (search.createdTo() != null) {
            query.append(" and createdAt < :to");
            parameters.and("to", search.createdTo());
        }
        return new Filter(query, parameters);
    }
}
