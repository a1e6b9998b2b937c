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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import ng.risiti.auth.account.service.AuthService;
import ng.risiti.platform.idempotency.SecretResponse;
import ng.risiti.platform.rest.Data;
import ng.risiti.auth.session.rest.RefreshCookie;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auth")
@Tag(name = "Authentication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final TokenConfig config;
    private final SecurityIdentity identity;

    public AuthResource(AuthService auth, TokenConfig config, SecurityIdentity identity) {
        this.auth = auth;
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
    @SecretResponse
    @PermitAll
    @Operation(summary = "Sign in with email and password; sets the refresh_token cookie")
    public Uni<RestResponse<Data<LoginResponse>>> login(@Valid @NotNull LoginRequest body, HttpServerRequest request) {
        return auth.login(body, client(request)).map(signedIn -> RestResponse.ResponseBuilder
                .ok(Data.of(new LoginResponse(signedIn.accessToken(),
                        new LoginResponse.UserView(signedIn.user().id, signedIn.user().email, signedIn.user().firstName,
                                signedIn.user().lastName, signedIn.user().role.wireName()),
                        new LoginResponse.TenantView(signedIn.tenant().id, signedIn.tenant().name))))
                .cookie(RefreshCookie.of(signedIn.session().refreshToken(), lifetime()))
                .build());
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
