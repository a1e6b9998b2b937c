package ng.risiti.auth.settings.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.TenantState;

/**
 * Every change to a tenant or its team is announced on the compacted {@code risiti.tenants.v1} (key = tenant id)
 * with the tenant's whole state. Written inside the transaction that makes the change, with the tenant locked
 * ({@code Tenants}), so the last record of a tenant is always its latest state.
 */
@ApplicationScoped
public class TenantEvents {

    private final Outbox outbox;

    public TenantEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code member} is the user a user event is about; null for tenant events. */
    public Uni<Void> emit(String type, Tenant tenant, TenantSettings settings, User member) {
        return outbox.emit(Topics.TENANTS, type, tenant.id.toString(), tenant.id, state(tenant, settings, member));
    }

    /** The tenant's whole state for the compacted tenants topic; {@code member} only for user events. */
    public static TenantState state(Tenant tenant, TenantSettings settings, User member) {
        return new TenantState(tenant.id, tenant.name, tenant.tin, tenant.businessType.wireName(), tenant.planSlug,
                tenant.createdAt,
                member == null ? null : new TenantState.Member(member.id, member.email, member.firstName, member.lastName,
                        member.role.wireName(), member.createdAt),
                settings.address, settings.contactEmail, settings.logoUrl, settings.nrsServiceId, settings.nrsBusinessId,
                new TenantState.InvoiceDefaults(settings.invoiceNumberPrefix, settings.paymentTermsDays,
                        settings.invoiceFooter, settings.invoiceLogoUrl, settings.defaultHsnCode, settings.defaultProductCategory),
                latest(tenant, settings));
    }

    private static OffsetDateTime latest(Tenant tenant, TenantSettings settings) {
        return settings.updatedAt != null && settings.updatedAt.isAfter(tenant.updatedAt) ? settings.updatedAt : tenant.updatedAt;
    }
}
