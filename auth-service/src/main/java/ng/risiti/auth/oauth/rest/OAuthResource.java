package ng.risiti.auth.oauth.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ng.risiti.auth.mfa.rest.MfaChallengeResponse;
import ng.risiti.auth.mfa.service.MfaService;
import ng.risiti.auth.oauth.config.OAuthConfig;
import ng.risiti.auth.oauth.service.OAuthService;
import ng.risiti.auth.session.rest.SignInResponses;
import ng.risiti.auth.session.rest.SignInAnswer;
import ng.risiti.auth.session.rest.SignedInResponse;
import ng.risiti.platform.error.ErrorResponse;
import ng.risiti.platform.rest.Data;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Browser sign-in with Google or Microsoft. No {@code @Produces}: the callback answers a browser (302, any Accept)
 * or an API client asking for {@code application/json}.
 */
@Path("/api/v1/auth/oauth")
@Tag(name = "Authentication")
public class OAuthResource {

    /** Ties the callback to the browser that started the flow. Lax: it must ride the provider's top-level redirect back. */
    static final String BINDING_COOKIE = "oauth_binding";
    static final String BINDING_PATH = "/api/v1/auth/oauth";

    private final OAuthService oauth;
    private final OAuthConfig config;

    public OAuthResource(OAuthService oauth, OAuthConfig config) {
        this.oauth = oauth;
        this.config = config;
    }

    @GET
    @Path("/{provider}")
    @PermitAll
    @Operation(summary = "Start sign-in with Google or Microsoft: 302 to the provider (authorization code + PKCE)",
            description = "Optional redirect_to: where the browser lands afterwards, limited to risiti.oauth.redirect-allow-list. "
                    + "Sets a short-lived oauth_binding cookie that the callback requires.")
    @APIResponse(responseCode = "302", description = "To the provider's authorization endpoint")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: redirect_to not allowed",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not google or microsoft",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: the provider is not configured on this server",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Void>> start(@PathParam("provider") String provider, @RestQuery("redirect_to") String redirectTo) {
        return oauth.start(provider, redirectTo).map(started -> RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.FOUND)
                .location(URI.create(started.authorizationUrl()))
                .cookie(binding(started.binding(), (int) config.stateLifetime().toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }

    @GET
    @Path("/{provider}/callback")
    @PermitAll
    @Operation(summary = "The provider's redirect back: signs in (first time: creates a tenant), sets the refresh cookie",
            description = "Browsers get 302 to {web-url}/oauth/complete (or the accepted redirect_to); with MFA on, the MFA token is "
                    + "in the fragment (#mfa_token=...). With Accept: application/json the answer is the login response "
                    + "{data:{access_token,user,tenant}} or the MFA challenge {data:{mfa_required,mfa_token,expires_at}}.")
    @APIResponse(responseCode = "200", description = "Accept: application/json — signed in, or an MFA challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignInAnswer.class)))
    @APIResponse(responseCode = "302", description = "Browsers: to the web app")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR on state (missing, unknown, expired, already used, other browser) or code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: the provider refused the code, or its ID token failed verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "CONFLICT: the email belongs to a password account (never taken over)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the provider could not be reached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))
    public Uni<RestResponse<Object>> callback(@PathParam("provider") String provider, @RestQuery("code") String code,
            @RestQuery("state") String state, @RestQuery("error") String error, @RestCookie(BINDING_COOKIE) String binding,
            HttpHeaders headers, HttpServerRequest request) {
        boolean json = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        return oauth.complete(provider, code, state, error, binding, SignInResponses.client(request)).map(completed -> {
            MfaService.Outcome outcome = completed.outcome();
            RestResponse.ResponseBuilder<Object> response;
            if (json) {
                Object body = outcome.challenge() != null
                        ? Data.of(MfaChallengeResponse.of(outcome.challenge()))
                        : Data.of(SignedInResponse.of(outcome.signedIn()));
                response = RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE);
            } else {
                String landing = oauth.landingUrl(completed.redirectTo());
                if (outcome.challenge() != null) {
                    // in the fragment: never sent to a server, never in an access log
                    landing += "#mfa_token=" + URLEncoder.encode(outcome.challenge().token(), StandardCharsets.UTF_8)
                            + "&expires_at=" + URLEncoder.encode(outcome.challenge().expiresAt().toString(), StandardCharsets.UTF_8);
                }
                response = RestResponse.ResponseBuilder.create(RestResponse.Status.FOUND);
                response.location(URI.create(landing));
            }
            if (outcome.signedIn() != null) {
                SignInResponses.withCookie(response, outcome.signedIn());
            }
            return response.cookie(binding("", 0)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }

    private static NewCookie binding(String value, int maxAge) {
        NewCookie.Builder cookie = new NewCookie.Builder(BINDING_COOKIE)
                .value(value)
                .path(BINDING_PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(true)
                .sameSite(NewCookie.SameSite.LAX);
        if (maxAge == 0) {
            cookie.expiry(new java.util.Date(0));
        }
        return cookie.build();
    }

}
