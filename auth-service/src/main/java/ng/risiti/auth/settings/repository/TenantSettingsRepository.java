package ng.risiti.auth.settings.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.settings.domain.TenantSettings;

@ApplicationScoped
public class TenantSettingsRepository implements PanacheRepositoryBase<TenantSettings, UUID> {
}
