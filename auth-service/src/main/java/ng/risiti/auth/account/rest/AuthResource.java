package ng.risiti.auth.account.rest;

import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import ng.risiti.auth.account.service.AuthService;
import ng.risiti.auth.account.service.PasswordResetService;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.rest.Message;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.rest.Data;
import ng.risiti.auth.session.rest.RefreshCookie;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auth")
@Idempotent
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final PasswordResetService resets;
    private final TokenConfig config;
    private final SecurityIdentity identity;

    public AuthResource(AuthService auth, PasswordResetService resets, TokenConfig config, SecurityIdentity identity) {
        this.auth = auth;
        this.resets = resets;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/register")
    @SecretResponse
    @PermitAll
    @Operation(summary = "Create an account and its tenant; returns an access token")
    public Uni<RestResponse<Data<RegisterResponse>>> register(@Valid @NotNull RegisterRequest body, HttpServerRequest request) {
        return auth.register(body, client(request)).map(signedIn -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.CREATED, Data.of(new RegisterResponse(signedIn.accessToken(), signedIn.tenant().planSlug)))
                .cookie(RefreshCookie.of(signedIn.session().refreshToken(), lifetime()))
                .build());
    }

    @POST
    @Path("/login")
    @IgnoresIdempotencyKey("records each failed attempt for throttling, which must outlive the failed request")
    @PermitAll
    @Operation(summary = "Sign in with email and password; sets the refresh_token cookie",
            description = "With MFA enabled the answer is {\"data\":{\"mfa_required\":true,\"mfa_token\":...}} and no session: "
                    + "complete it with POST /auth/mfa/verify. After 5 failures for one email from one IP in 15 minutes: 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Signed in, or an MFA challenge",
            content = @Content(schema = @Schema(oneOf = {LoginResponse.class, MfaChallengeResponse.class})))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, or OAUTH_ACCOUNT for accounts created with Google/Microsoft",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong email or password",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMIT_EXCEEDED: too many failures; see Retry-After",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<?>>> login(@Valid @NotNull LoginRequest body, HttpServerRequest request) {
        return auth.login(body, client(request))
                .map(outcome -> {
                    if (outcome.mfaChallenge() != null) {
                        return RestResponse.<Data<?>>ok(Data.of(new MfaChallengeResponse(true, outcome.mfaChallenge().token(),
                                outcome.mfaChallenge().expiresAt())));
                    }
                    AuthService.SignedIn signedIn = outcome.signedIn();
                    return RestResponse.ResponseBuilder.<Data<?>>ok(Data.of(new LoginResponse(signedIn.accessToken(),
                                    new LoginResponse.UserView(signedIn.user().id, signedIn.user().email, signedIn.user().firstName,
                                            signedIn.user().lastName, signedIn.user().role.wireName()),
                                    new LoginResponse.TenantView(signedIn.tenant().id, signedIn.tenant().name))))
                            .cookie(RefreshCookie.of(signedIn.session().refreshToken(), lifetime()))
                            .build();
                });
    }

    @POST
    @Path("/forgot-password")
    @PermitAll
    @Operation(summary = "Email a password reset link; always answers the same, registered or not")
    public Uni<Data<Message>> forgotPassword(@Valid @NotNull ForgotPasswordRequest body) {
        return resets.forgot(body.email()).replaceWith(Message.of("If this email exists, a reset link has been sent."));
    }

    @POST
    @Path("/reset-password")
    @IgnoresIdempotencyKey("spends a single-use reset token; a repeat is refused by the token itself")
    @PermitAll
    @Operation(summary = "Set a new password with the emailed token (single use, 1 hour); ends every session of the user")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: weak password, or token invalid, expired or used",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<Message>> resetPassword(@Valid @NotNull ResetPasswordRequest body) {
        return resets.reset(body.token(), body.password()).replaceWith(Message.of("Password updated successfully."));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The current user and tenant (for an API key: the user who created it)")
    public Uni<Data<MeResponse>> me() {
        return auth.me(Caller.of(identity)).map(profile -> Data.of(new MeResponse(
                profile.user().id, profile.user().email, profile.user().firstName, profile.user().lastName,
                profile.user().role.wireName(), profile.user().mfaEnabled,
                new MeResponse.TenantView(profile.tenant().id, profile.tenant().name, profile.tenant().tin, profile.tenant().planSlug))));
    }

    private Duration lifetime() {
        return config.refreshTokenLifetime();
    }

    private static AuthService.Client client(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new AuthService.Client(request.getHeader(HttpHeaders.USER_AGENT), address);
    }
}
