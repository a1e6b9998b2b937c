package ng.risiti.webhook.tenants.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.webhook.tenants.domain.TenantContact;

@ApplicationScoped
public class TenantContactRepository implements PanacheRepositoryBase<TenantContact, UUID> {
}
