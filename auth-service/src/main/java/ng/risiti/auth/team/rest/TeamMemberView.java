package ng.risiti.auth.team.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.team.domain.Invitation;
import ng.risiti.auth.team.service.TeamService;

/**
 * One row of GET /team: a member ({@code status} active, {@code id} the user id) or a pending invitation
 * ({@code status} invited, {@code id} the invitation id, names null until accepted, {@code expires_at} set).
 */
public record TeamMemberView(UUID id, String email, String firstName, String lastName, String role, String status,
        OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    public static final String ACTIVE = "active";
    public static final String INVITED = "invited";

    public static TeamMemberView of(TeamService.Entry entry) {
        return entry.user() != null ? member(entry.user()) : invited(entry.invitation());
    }

    public static TeamMemberView member(User user) {
        return new TeamMemberView(user.id, user.email, user.firstName, user.lastName, user.role.wireName(), ACTIVE, user.createdAt, null);
    }

    public static TeamMemberView invited(Invitation invitation) {
        return new TeamMemberView(invitation.id, invitation.email, null, null, invitation.role.wireName(), INVITED,
                invitation.createdAt, invitation.expiresAt);
    }
}
