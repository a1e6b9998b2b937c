package ng.risiti.auth.mfa.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code verified: true}; after a login challenge also the access token (the refresh token is in the cookie). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MfaVerifyResponse(boolean verified, String accessToken) {
}
