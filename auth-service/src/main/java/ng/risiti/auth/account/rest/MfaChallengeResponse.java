package ng.risiti.auth.account.rest;

import java.time.OffsetDateTime;

/** Login's answer when MFA is on: no session yet; send {@code mfa_token} and a code to POST /auth/mfa/verify. */
public record MfaChallengeResponse(boolean mfaRequired, String mfaToken, OffsetDateTime expiresAt) {
}
