package ng.risiti.auth.settings.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.auth.settings.service.SettingsService;

/** GET/PATCH /settings: the tenant's profile and its non-secret NRS identifiers. */
public record SettingsView(UUID tenantId, String businessName, String tin, String businessType, String plan, String address,
        String contactEmail, String logoUrl, String nrsServiceId, UUID nrsBusinessId, OffsetDateTime updatedAt) {

    /** {@code updated_at}: the later of the tenant's and its settings' last change. */
    public static SettingsView of(SettingsService.Current current) {
        var tenant = current.tenant();
        var settings = current.settings();
        return new SettingsView(tenant.id, tenant.name, tenant.tin, tenant.businessType.wireName(), tenant.planSlug, settings.address,
                settings.contactEmail, settings.logoUrl, settings.nrsServiceId, settings.nrsBusinessId,
                settings.updatedAt != null && settings.updatedAt.isAfter(tenant.updatedAt) ? settings.updatedAt : tenant.updatedAt);
    }
}
