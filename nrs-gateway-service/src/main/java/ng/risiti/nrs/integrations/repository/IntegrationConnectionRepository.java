package ng.risiti.nrs.integrations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.integrations.domain.IntegrationConnection;

@ApplicationScoped
public class IntegrationConnectionRepository implements PanacheRepositoryBase<IntegrationConnection, IntegrationConnection.Key> {

    public Uni<List<IntegrationConnection>> ofTenant(UUID tenantId) {
        return list("tenantId", tenantId);
    }
}
