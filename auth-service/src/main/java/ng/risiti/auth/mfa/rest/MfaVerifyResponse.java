package ng.risiti.auth.mfa.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import ng.risiti.auth.session.service.SignIn;

/** {@code verified: true}; after a login challenge also the access token (the refresh token is in the cookie). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MfaVerifyResponse(boolean verified, String accessToken) {

    public static MfaVerifyResponse enrolled() {
        return new MfaVerifyResponse(true, null);
    }

    public static MfaVerifyResponse signedIn(SignIn.SignedIn signedIn) {
        return new MfaVerifyResponse(true, signedIn.accessToken());
    }
}
