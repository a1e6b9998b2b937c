package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownCustomer;

@ApplicationScoped
public class KnownCustomerRepository implements PanacheRepositoryBase<KnownCustomer, UUID> {

    public Uni<KnownCustomer> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deleted = false", tenantId, id).firstResult();
    }
}
