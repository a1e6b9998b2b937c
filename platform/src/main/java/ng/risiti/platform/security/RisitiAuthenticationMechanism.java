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
import org.jboss.logging.MDC;
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
    /** The logging MDC key of the caller's tenant. */
    public static final String TENANT_ID_MDC = "tenant_id";

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
                return identityProviderManager.authenticate(jwt).invoke(RisitiAuthenticationMechanism::logAs);
            }
            apiKey = token;
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(apiKey.trim());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request).invoke(RisitiAuthenticationMechanism::logAs);
    }

    /** Every later log line of the request names the tenant (MDC {@code tenant_id}), as it names the request. */
    private static void logAs(SecurityIdentity identity) {
        Object tenant = identity == null ? null : identity.getAttribute(Caller.TENANT_ID);
        if (tenant != null) {
            MDC.put(TENANT_ID_MDC, tenant.toString());
        }
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
