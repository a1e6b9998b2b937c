package ng.risiti.customer.customers.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.customers.domain.Customer;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;

/** Live (not deleted) customers, always within one tenant and, for its API, one world (live or test). */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Uni<Customer> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = ?1 and testMode = ?2 and id = ?3 and deletedAt is null", tenancy.tenantId(), tenancy.test(), id).firstResult();
    }

    /** In either world: for the internal lookup, whose caller checks the world itself. */
    public Uni<Customer> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /** Newest first; {@code search} matches name, email or TIN, case-insensitively. */
    public Uni<List<Customer>> page(Tenancy tenancy, String search, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and testMode = :test and deletedAt is null");
        Parameters parameters = Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
        if (search != null && !search.isBlank()) {
            query.append(" and (lower(name) like :search or lower(email) like :search or tin like :search)");
            parameters.and("search", "%" + search.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (page.after("id") != null) {
            query.append(" and id < :after");
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        query.append(" order by id desc");
        return find(query.toString(), parameters).page(0, page.fetchSize()).list();
    }
}
