package ng.risiti.auth.team.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** PATCH /team/{userId}. */
public record ChangeRoleRequest(@NotBlank @Pattern(regexp = InviteRequest.ROLES, message = InviteRequest.ROLES_RULE) String role) {
}
