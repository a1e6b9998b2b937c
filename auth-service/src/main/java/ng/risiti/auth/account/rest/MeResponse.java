package ng.risiti.auth.account.rest;

import java.util.UUID;

public record MeResponse(UUID id, String email, String firstName, String lastName, String role, boolean mfaEnabled, TenantView tenant) {

    public record TenantView(UUID id, String name, String tin, String plan) {
    }
}
