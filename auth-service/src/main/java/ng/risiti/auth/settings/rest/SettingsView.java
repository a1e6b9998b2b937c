package ng.risiti.auth.settings.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/** GET/PATCH /settings: the tenant's profile and its non-secret NRS identifiers. */
public record SettingsView(UUID tenantId, String businessName, String tin, String businessType, String plan, String address,
        String contactEmail, String logoUrl, String nrsServiceId, UUID nrsBusinessId, OffsetDateTime updatedAt) {
}
