package ng.risiti.auth.session.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.auth.session.service.SessionService;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** /auth/refresh and /auth/logout: the session side of /auth (sign-in itself is in {@code AuthResource}). */
@Path("/api/v1/auth")
@Idempotent
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** POST /auth/refresh's body: only the new access token; the new refresh token travels in the cookie. */
    public record RefreshResponse(String accessToken) {
    }

    private final SessionService sessions;
    private final SecurityIdentity identity;
    private final Clock clock;

    public SessionResource(SessionService sessions, SecurityIdentity identity, Clock clock) {
        this.sessions = sessions;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Path("/refresh")
    @IgnoresIdempotencyKey("a reused refresh token revokes its whole family, which must stick although the request fails")
    @PermitAll
    @Operation(summary = "Exchange the refresh_token cookie for a new access token; rotates the cookie (7-day sliding window)",
            description = "Presenting a refresh token that was already rotated revokes the whole session (401).")
    @Parameter(name = RefreshCookie.NAME, in = ParameterIn.COOKIE, required = true, description = "Set by login, register, refresh")

    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: missing, unknown, expired, revoked or replayed refresh token",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<RefreshResponse>>> refresh(@CookieParam(RefreshCookie.NAME) String refreshToken) {
        return sessions.refresh(refreshToken).map(refreshed -> RestResponse.ResponseBuilder
                .ok(Data.of(new RefreshResponse(refreshed.accessToken())))
                .cookie(RefreshCookie.of(refreshed.refreshToken(), Duration.between(clock.instant(), refreshed.expiresAt().toInstant())))
                .build());
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "End the current session: its refresh token and access tokens stop working in every service")

    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: API keys have no session", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<Message>>> logout() {
        Caller.user(identity);
        String sid = identity.getAttribute(Caller.SESSION_ID);
        return sessions.logout(sid == null ? null : UUID.fromString(sid)).map(ignored -> RestResponse.ResponseBuilder
                .ok(Message.of("Logged out successfully"))
                .cookie(RefreshCookie.cleared())
                .build());
    }
}
