package ng.risiti.auth.mfa.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /auth/mfa/verify. Without {@code mfa_token} (and with a JWT): completes enrollment. With the {@code mfa_token}
 * from login: completes the sign-in; {@code code} may then also be an unused backup code.
 */
public record MfaVerifyRequest(@NotBlank @Size(max = 32) String code, @Size(max = 256) String mfaToken) {

    @Override
    public String toString() {
        return "MfaVerifyRequest[code=***, mfa_token=***]";
    }
}
