package ng.risiti.auth.settings.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.account.repository.TenantRepository;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.auth.settings.repository.TenantSettingsRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.TenantState;

/**
 * Every change to a tenant or its team is announced on the compacted {@code risiti.tenants.v1} (key = tenant id)
 * with the tenant's whole state. Call inside the transaction that makes the change, after {@link #lock}: the lock
 * makes concurrent changes of one tenant commit in the order their events were written, so the last record of a
 * tenant is always its latest state.
 */
@ApplicationScoped
public class TenantEvents {

    /** A tenant and its settings (defaults when it never changed them), locked for this transaction. */
    public record Locked(Tenant tenant, TenantSettings settings, boolean settingsStored) {
    }

    private final TenantRepository tenants;
    private final TenantSettingsRepository settings;
    private final Outbox outbox;

    public TenantEvents(TenantRepository tenants, TenantSettingsRepository settings, Outbox outbox) {
        this.tenants = tenants;
        this.settings = settings;
        this.outbox = outbox;
    }

    public Uni<Locked> lock(UUID tenantId) {
        return tenants.findById(tenantId, LockModeType.PESSIMISTIC_WRITE).flatMap(tenant -> {
            if (tenant == null) {
                return Uni.createFrom().failure(ApiException.unauthorized("The tenant of this credential no longer exists."));
            }
            return settings.findById(tenantId).map(stored -> stored == null
                    ? new Locked(tenant, TenantSettings.defaults(tenantId), false)
                    : new Locked(tenant, stored, true));
        });
    }

    /** {@code member} is the user a user event is about; null for tenant events. */
    public Uni<Void> emit(String type, Locked locked, User member) {
        return outbox.emit(Topics.TENANTS, type, locked.tenant().id.toString(), locked.tenant().id,
                state(locked.tenant(), locked.settings(), member));
    }

    /** The tenant's whole state for the compacted tenants topic; {@code member} only for user events. */
    public static TenantState state(Tenant tenant, TenantSettings settings, User member) {
        return new TenantState(tenant.id, tenant.name, tenant.tin, tenant.businessType.wireName(), tenant.planSlug,
                tenant.createdAt,
                member == null ? null : new TenantState.Member(member.id, member.email, member.firstName, member.lastName,
                        member.role.wireName(), member.createdAt),
                settings.address, settings.contactEmail, settings.logoUrl, settings.nrsServiceId, settings.nrsBusinessId,
                new TenantState.InvoiceDefaults(settings.invoiceNumberPrefix, settings.paymentTermsDays,
                        settings.invoiceFooter, settings.invoiceLogoUrl),
                latest(tenant, settings));
    }

    private static java.time.OffsetDateTime latest(Tenant tenant, TenantSettings settings) {
        return settings.updatedAt != null && settings.updatedAt.isAfter(tenant.updatedAt) ? settings.updatedAt : tenant.updatedAt;
    }
}
