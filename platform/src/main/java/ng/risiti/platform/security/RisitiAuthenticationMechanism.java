package ng.risiti.platform.security;

import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the caller's credential: {@code x-api-key}, or {@code Authorization: Bearer} holding either a JWT or
 * (Finora dialect) an API key. JWTs are verified by smallrye-jwt against auth-service's JWKS; keys by
 * {@link ApiKeyIdentityProvider}. It runs before smallrye-jwt's own mechanism so one place decides.
 */
@ApplicationScoped
public class RisitiAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String API_KEY_HEADER = "x-api-key";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        if (apiKey == null) {
            String authorization = context.request().getHeader("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Uni.createFrom().nullItem();
            }
            String token = authorization.substring(7).trim();
            if (!token.startsWith("rs_")) {
                TokenAuthenticationRequest jwt = new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
                HttpSecurityUtils.setRoutingContextAttribute(jwt, context);
                return identityProviderManager.authenticate(jwt);
            }
            apiKey = token;
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(apiKey.trim());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
