package ng.risiti.auth.team.rest;

import java.util.UUID;

/** The new member, signed in: like login's answer (the refresh token is in the cookie). */
public record AcceptedInvitation(String accessToken, UserView user, TenantView tenant) {

    public record UserView(UUID id, String email, String firstName, String lastName, String role) {
    }

    public record TenantView(UUID id, String name) {
    }
}
