package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownTenant;

/** This service's replica of tenants' invoicing settings (see TenantStateConsumer). */
@ApplicationScoped
public class KnownTenantRepository implements PanacheRepositoryBase<KnownTenant, UUID> {
}
