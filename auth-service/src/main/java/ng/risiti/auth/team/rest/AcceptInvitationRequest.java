package ng.risiti.auth.team.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ng.risiti.auth.account.domain.PasswordRule;

/** POST /team/invitations/accept: the token from the invitation mail and the new member's name and password. */
public record AcceptInvitationRequest(
        @NotBlank @Size(max = 200) String token,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Pattern(regexp = PasswordRule.PATTERN, message = PasswordRule.MESSAGE) String password) {

    @Override
    public String toString() {
        return "AcceptInvitationRequest[token=***, firstName=" + firstName + ", lastName=" + lastName + ", password=***]";
    }
}
