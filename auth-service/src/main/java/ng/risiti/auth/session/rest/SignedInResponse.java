package ng.risiti.auth.session.rest;

import java.util.UUID;
import ng.risiti.auth.session.service.SignIn;

/** The body of a sign-in that answers with who signed in (login, OAuth, accepting an invitation); the refresh token is in the cookie. */
public record SignedInResponse(String accessToken, UserView user, TenantView tenant) {

    public record UserView(UUID id, String email, String firstName, String lastName, String role) {
    }

    public record TenantView(UUID id, String name) {
    }

    public static SignedInResponse of(SignIn.SignedIn signedIn) {
        var user = signedIn.user();
        return new SignedInResponse(signedIn.accessToken(),
                new UserView(user.id, user.email, user.firstName, user.lastName, user.role.wireName()),
                new TenantView(signedIn.tenant().id, signedIn.tenant().name));
    }
}
