package ng.risiti.auth.session.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the API documents a sign-in's 200 (login, an OAuth callback): one shape, a session or, with MFA on, a challenge
 * ({@code mfa_required} true, then no session yet). Documentation only: the answers are {@link SignedInResponse} and
 * MfaChallengeResponse in {@code {"data": ...}}. A {@code oneOf} of the two matched both in generated clients (nothing
 * in either is required of the other), so their fields are one object here.
 */
@Schema(name = "SignInAnswer", description = "A session, or with MFA on a challenge to answer at POST /api/v1/auth/mfa/verify.")
public record SignInAnswer(SignIn data) {

    @Schema(name = "SignIn", description = "access_token, user and tenant for a session; mfa_required, mfa_token and expires_at for a challenge.")
    public record SignIn(String accessToken, SignedInResponse.UserView user, SignedInResponse.TenantView tenant, Boolean mfaRequired,
            String mfaToken, OffsetDateTime expiresAt) {
    }
}
