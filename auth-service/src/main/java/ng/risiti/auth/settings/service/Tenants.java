package ng.risiti.auth.settings.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.auth.settings.events.TenantEvents;
import ng.risiti.auth.settings.repository.TenantRepository;
import ng.risiti.auth.settings.repository.TenantSettingsRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.EventTypes;

/**
 * Tenants as every change to one sees them, inside the caller's transaction: locked first, then announced on
 * {@code risiti.tenants.v1} ({@link TenantEvents}). The lock makes concurrent changes of one tenant commit in the
 * order their events were written, so the compacted topic ends on the tenant's latest state.
 */
@ApplicationScoped
public class Tenants {

    /** A tenant and its settings (defaults when it never changed them), held for this transaction. */
    public record Locked(Tenant tenant, TenantSettings settings, boolean settingsStored) {
    }

    private final TenantRepository tenants;
    private final TenantSettingsRepository settings;
    private final TenantEvents events;

    public Tenants(TenantRepository tenants, TenantSettingsRepository settings, TenantEvents events) {
        this.tenants = tenants;
        this.settings = settings;
        this.events = events;
    }

    /** In the caller's session; null if there is no such tenant. */
    public Uni<Tenant> find(UUID tenantId) {
        return tenants.findById(tenantId);
    }

    public Uni<Locked> lock(UUID tenantId) {
        return tenants.findForUpdate(tenantId).flatMap(tenant -> {
            if (tenant == null) {
                return Uni.createFrom().failure(ApiException.unauthorized("The tenant of this credential no longer exists."));
            }
            return settings.findById(tenantId).map(stored -> stored == null
                    ? new Locked(tenant, TenantSettings.defaults(tenantId), false)
                    : new Locked(tenant, stored, true));
        });
    }

    /**
     * Stores a new tenant and announces it ({@code tenant.created}, with the default settings). Nobody else sees the
     * row before the transaction commits, so it is held like a locked one.
     */
    public Uni<Locked> open(Tenant tenant) {
        Locked created = new Locked(tenant, TenantSettings.defaults(tenant.id), false);
        return tenants.persist(tenant)
                .flatMap(ignored -> announce(EventTypes.TENANT_CREATED, created, null))
                .replaceWith(created);
    }

    /** {@code member} is the user a user event ({@code user.created}, ...) is about; null for tenant events. */
    public Uni<Void> announce(String type, Locked locked, User member) {
        return events.emit(type, locked.tenant(), locked.settings(), member);
    }
}
