package ng.risiti.auth.team.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.session.rest.SignInResponses;
import ng.risiti.auth.session.rest.SignedInResponse;
import ng.risiti.auth.team.service.TeamService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.rest.Data;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public: the invitation token from the mail is the credential. Answers like sign-in, with the refresh cookie. */
@Path("/api/v1/team/invitations")
@Idempotent
@Tag(name = "Team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamInvitationResource {

    private final TeamService team;

    public TeamInvitationResource(TeamService team) {
        this.team = team;
    }

    @POST
    @Path("/accept")
    @IgnoresIdempotencyKey("spends the invitation's single-use token; a repeat is refused by the token itself")
    @PermitAll
    @Operation(summary = "Accept an invitation: creates the account in the inviting tenant with the invited role and signs it in")
    public Uni<RestResponse<Data<SignedInResponse>>> accept(@Valid @NotNull AcceptInvitationRequest body, HttpServerRequest request) {
        return team.accept(body.token(), body.firstName(), body.lastName(), body.password(), SignInResponses.client(request))
                .map(signedIn -> SignInResponses.of(RestResponse.Status.CREATED, Data.of(SignedInResponse.of(signedIn)), signedIn));
    }
}
