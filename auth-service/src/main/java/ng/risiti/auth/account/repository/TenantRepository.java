package ng.risiti.auth.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.account.domain.Tenant;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {
}
