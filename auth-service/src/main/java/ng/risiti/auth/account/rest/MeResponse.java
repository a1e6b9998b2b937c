package ng.risiti.auth.account.rest;

import java.util.UUID;
import ng.risiti.auth.account.service.AuthService;

public record MeResponse(UUID id, String email, String firstName, String lastName, String role, boolean mfaEnabled, TenantView tenant) {

    public record TenantView(UUID id, String name, String tin, String plan) {
    }

    public static MeResponse of(AuthService.Profile profile) {
        var user = profile.user();
        var tenant = profile.tenant();
        return new MeResponse(user.id, user.email, user.firstName, user.lastName, user.role.wireName(), user.mfaEnabled,
                new TenantView(tenant.id, tenant.name, tenant.tin, tenant.planSlug));
    }
}
