package ng.risiti.auth.mfa.rest;

import java.time.OffsetDateTime;
import ng.risiti.auth.mfa.service.MfaService;

/** A sign-in's answer when MFA is on: no session yet; send {@code mfa_token} and a code to POST /auth/mfa/verify. */
public record MfaChallengeResponse(boolean mfaRequired, String mfaToken, OffsetDateTime expiresAt) {

    public static MfaChallengeResponse of(MfaService.Challenge challenge) {
        return new MfaChallengeResponse(true, challenge.token(), challenge.expiresAt());
    }
}
