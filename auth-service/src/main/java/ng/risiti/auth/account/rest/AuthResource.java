package ng.risiti.auth.account.rest;

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
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.account.service.AuthService;
import ng.risiti.auth.account.service.PasswordResetService;
import ng.risiti.auth.mfa.rest.MfaChallengeResponse;
import ng.risiti.auth.session.rest.SignInResponses;
import ng.risiti.auth.session.rest.SignInAnswer;
import ng.risiti.auth.session.rest.SignedInResponse;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    private final SecurityIdentity identity;

    public AuthResource(AuthService auth, PasswordResetService resets, SecurityIdentity identity) {
        this.auth = auth;
        this.resets = resets;
        this.identity = identity;
    }

    @POST
    @Path("/register")
    @SecretResponse
    @PermitAll
    @Operation(summary = "Create an account and its tenant; returns an access token")
    public Uni<RestResponse<Data<RegisterResponse>>> register(@Valid @NotNull RegisterRequest body, HttpServerRequest request) {
        return auth.register(body.toNewAccount(), SignInResponses.client(request))
                .map(signedIn -> SignInResponses.of(RestResponse.Status.CREATED, Data.of(RegisterResponse.of(signedIn)), signedIn));
    }
    @POST
    @Path("/login")
    @IgnoresIdempotencyKey("records each failed attempt for throttling, which must outlive the failed request")
    @PermitAll
    @Operation(summary = "Sign in with email and password; sets the refresh_token cookie",
            description = "With MFA enabled the answer is {\"data\":{\"mfa_required\":true,\"mfa_token\":...}} and no session: "
                    + "complete it with POST /auth/mfa/verify. After 5 failures for one email from one IP in 15 minutes: 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Signed in, or an MFA challenge",
            content = @Content(schema = @Schema(implementation = SignInAnswer.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, or OAUTH_ACCOUNT for accounts created with Google/Microsoft",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong email or password",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMIT_EXCEEDED: too many failures; see Retry-After",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<?>>> login(@Valid @NotNull LoginRequest body, HttpServerRequest request) {
        return auth.login(body.email(), body.password(), SignInResponses.client(request))
                .map(outcome -> outcome.challenge() != null
                        ? RestResponse.<Data<?>>ok(Data.of(MfaChallengeResponse.of(outcome.challenge())))
                        : SignInResponses.<Data<?>>of(RestResponse.Status.OK, Data.of(SignedInResponse.of(outcome.signedIn())),
                                outcome.signedIn()));
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
        return auth.me(Caller.of(identity)).map(profile -> Data.of(MeResponse.of(profile)));
    }
}
