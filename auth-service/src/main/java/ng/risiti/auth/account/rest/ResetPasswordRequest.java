package ng.risiti.auth.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.auth.account.domain.PasswordRule;

/** POST /auth/reset-password. */
public record ResetPasswordRequest(
        @NotBlank @Size(max = 256) String token,
        @NotBlank @Pattern(regexp = PasswordRule.PATTERN, message = PasswordRule.MESSAGE) String password) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[token=***, password=***]";
    }
}
