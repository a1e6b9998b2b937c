package ng.risiti.auth.team.mapping;

import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.team.domain.Invitation;
import ng.risiti.auth.team.rest.AcceptedInvitation;
import ng.risiti.auth.team.rest.TeamMemberView;
import ng.risiti.auth.team.service.TeamService;

public final class TeamMapper {

    private TeamMapper() {
    }

    public static TeamMemberView view(TeamService.Entry entry) {
        return entry.user() != null ? member(entry.user()) : invited(entry.invitation());
    }

    public static TeamMemberView member(User user) {
        return new TeamMemberView(user.id, user.email, user.firstName, user.lastName, user.role.wireName(), TeamMemberView.ACTIVE,
                user.createdAt, null);
    }

    public static TeamMemberView invited(Invitation invitation) {
        return new TeamMemberView(invitation.id, invitation.email, null, null, invitation.role.wireName(), TeamMemberView.INVITED,
                invitation.createdAt, invitation.expiresAt);
    }

    public static AcceptedInvitation accepted(TeamService.Joined joined) {
        User user = joined.user();
        return new AcceptedInvitation(joined.accessToken(),
                new AcceptedInvitation.UserView(user.id, user.email, user.firstName, user.lastName, user.role.wireName()),
                new AcceptedInvitation.TenantView(joined.tenant().id, joined.tenant().name));
    }
}
