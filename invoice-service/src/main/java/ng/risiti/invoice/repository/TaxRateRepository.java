package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.domain.TaxRate;

/** Tax rates a tenant may use: the system's and its own. */
@ApplicationScoped
public class TaxRateRepository implements PanacheRepositoryBase<TaxRate, UUID> {

    public Uni<List<TaxRate>> usableBy(UUID tenantId, Collection<UUID> ids) {
        return list("id in ?1 and (tenantId is null or tenantId = ?2)", ids, tenantId);
    }
}
