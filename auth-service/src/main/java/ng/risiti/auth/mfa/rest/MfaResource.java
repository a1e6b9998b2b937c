package ng.risiti.auth.mfa.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.auth.mfa.service.MfaService;
import ng.risiti.auth.session.rest.SignInResponses;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.idempotency.IgnoresIdempotencyKey;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auth/mfa")
@Idempotent
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
public class MfaResource {

    private final MfaService mfa;
    private final SecurityIdentity identity;
    private final CurrentIdentityAssociation identities;

    public MfaResource(MfaService mfa, SecurityIdentity identity, CurrentIdentityAssociation identities) {
        this.mfa = mfa;
        this.identity = identity;
        this.identities = identities;
    }

    @POST
    @Path("/setup")
    @Authenticated
    @SecretResponse
    @Operation(summary = "Start TOTP enrollment: base32 secret, QR code (PNG data URI) and one-time backup codes",
            description = "MFA is enabled by the first valid code sent to POST /auth/mfa/verify. Calling setup again before that replaces the secret and codes.")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: API keys cannot enroll", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "CONFLICT: MFA is already enabled", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<Data<MfaSetupResponse>> setup() {
        return mfa.setup(Caller.user(identity)).map(enrollment -> Data.of(MfaSetupResponse.of(enrollment)));
    }

    @POST
    @Path("/verify")
    @IgnoresIdempotencyKey("spends the login challenge and backup codes and counts failed codes, which must outlive a failed request")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Verify a TOTP code: completes enrollment (JWT), or a login MFA challenge (mfa_token)",
            description = "With mfa_token from POST /auth/login, code may be a TOTP code or an unused backup code; the answer carries "
                    + "the access token and sets the refresh_token cookie. Without mfa_token a JWT is required.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: missing code, or (enrollment) a code that does not match",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong code for a challenge, or mfa_token invalid, expired or used",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: MFA was never set up", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Data<MfaVerifyResponse>>> verify(@Valid @NotNull MfaVerifyRequest body) {
        if (body.mfaToken() != null && !body.mfaToken().isBlank()) {
            return mfa.completeChallenge(body.mfaToken(), body.code()).map(signedIn ->
                    SignInResponses.of(RestResponse.Status.OK, Data.of(MfaVerifyResponse.signedIn(signedIn)), signedIn));
        }
        // @PermitAll with lazy authentication: resolve the JWT here, without blocking the event loop
        return identities.getDeferredIdentity()
                .flatMap(caller -> mfa.confirmEnrollment(Caller.user(caller), body.code()))
                .map(ignored -> RestResponse.ok(Data.of(MfaVerifyResponse.enrolled())));
    }
}
