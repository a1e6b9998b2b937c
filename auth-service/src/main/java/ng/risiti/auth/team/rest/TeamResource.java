package ng.risiti.auth.team.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.auth.team.service.TeamService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The team takes a signed-in user (docs/specification.md, Team and settings): any member sees it; the owner and
 * admins (the roles holding the {@code admin} scope) manage it; {@link TeamService} adds the owner-only rules. {@code {userId}} may also name a pending
 * invitation, so an invitation can be re-roled or withdrawn the same way.
 */
@Path("/api/v1/team")
@Idempotent
@Tag(name = "Team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService team;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public TeamResource(TeamService team, Pagination pagination, SecurityIdentity identity) {
        this.team = team;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "List members and pending invitations with role and status (active, invited)")
    public Uni<Page<TeamMemberView>> list(@RestQuery String cursor, @RestQuery String limit) {
        var caller = Caller.user(identity);
        return team.list(caller, pagination.request(cursor, limit)).map(page -> page.map(TeamMemberView::of));
    }

    @POST
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Invite someone by email with a role; they get a link valid for 7 days")
    public Uni<RestResponse<Data<TeamMemberView>>> invite(@Valid @NotNull InviteRequest body) {
        var caller = Caller.user(identity);
        return team.invite(caller, body.email(), role(body.role()))
                .map(invitation -> RestResponse.status(RestResponse.Status.CREATED, Data.of(TeamMemberView.invited(invitation))));
    }

    @PATCH
    @Path("/{userId}")
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Change a member's role (only the owner grants or removes admin); their sessions end")
    public Uni<Data<TeamMemberView>> changeRole(@RestPath String userId, @Valid @NotNull ChangeRoleRequest body) {
        var caller = Caller.user(identity);
        return team.changeRole(caller, userId, role(body.role())).map(entry -> Data.of(TeamMemberView.of(entry)));
    }

    @DELETE
    @Path("/{userId}")
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Remove a member (their sessions end at once) or withdraw an invitation; the owner cannot be removed")
    public Uni<Data<Message>> remove(@RestPath String userId) {
        var caller = Caller.user(identity);
        return team.remove(caller, userId).map(entry -> Message.of(entry.user() != null ? "Team member removed." : "Invitation withdrawn."));
    }

    /** Bean validation let through only the invitable roles ({@link InviteRequest#ROLES}). */
    private static Role role(String wireName) {
        return Role.parse(wireName).orElseThrow();
    }
}
