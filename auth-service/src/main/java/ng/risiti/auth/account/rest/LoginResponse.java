package ng.risiti.auth.account.rest;

import java.util.UUID;

public record LoginResponse(String accessToken, UserView user, TenantView tenant) {

    public record UserView(UUID id, String email, String firstName, String lastName, String role) {
    }

    public record TenantView(UUID id, String name) {
    }
}
