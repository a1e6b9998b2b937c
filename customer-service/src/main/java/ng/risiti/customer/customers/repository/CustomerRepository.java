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
            // searchText is lower-cased by PostgreSQL; LIKE with both wildcards is what the trigram index serves
            query.append(" and searchText like :text");
            parameters.and("text", "%" + search.text().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
