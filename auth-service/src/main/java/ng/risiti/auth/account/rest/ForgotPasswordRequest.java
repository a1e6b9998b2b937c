package ng.risiti.auth.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /auth/forgot-password. Not checked with @Email: any input gets the same answer. */
public record ForgotPasswordRequest(@NotBlank @Size(max = 254) String email) {
}
