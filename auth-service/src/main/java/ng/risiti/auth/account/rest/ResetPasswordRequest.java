package ng.risiti.auth.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /auth/reset-password. */
public record ResetPasswordRequest(
        @NotBlank @Size(max = 256) String token,
        @NotBlank @Pattern(regexp = RegisterRequest.PASSWORD, message = RegisterRequest.PASSWORD_RULE) String password) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[token=***, password=***]";
    }
}
