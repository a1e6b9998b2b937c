package ng.risiti.auth.team.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /team. Nobody is invited as owner: a tenant has exactly one. */
public record InviteRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = InviteRequest.ROLES, message = InviteRequest.ROLES_RULE) String role) {

    public static final String ROLES = "admin|accountant|member|readonly";
    public static final String ROLES_RULE = "must be one of: admin, accountant, member, readonly";
}
