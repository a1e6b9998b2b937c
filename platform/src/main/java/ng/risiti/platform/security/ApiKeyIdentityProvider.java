package ng.risiti.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a presented API key into an identity whose roles are the key's scopes; refuses revoked and expired keys.
 * Each accepted key is noted in the {@link ApiKeyUsageRecorder} (in memory; published per window, never a database
 * write per request).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyRegistry registry;
    private final ApiKeyUsageRecorder usage;
    private final Clock clock;

    public ApiKeyIdentityProvider(ApiKeyRegistry registry, ApiKeyUsageRecorder usage, Clock clock) {
        this.registry = registry;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!Credentials.looksLikeApiKey(request.key())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed API key"));
        }
        String hash = Credentials.hash(request.key());
        return registry.find(hash)
                .onFailure(ApiKeyRegistry.LookupUnavailable.class)
                .transform(unavailable -> new AuthenticationFailedException(unavailable.getMessage(), unavailable))
                .map(state -> {
            Instant now = clock.instant();
            if (state == null || !state.usableAt(now)) {
                throw new AuthenticationFailedException("unknown, revoked or expired API key");
            }
            usage.record(state.keyId(), state.tenantId(), now.toEpochMilli());
            return identity(state);
        });
    }

    static SecurityIdentity identity(ApiKeyState state) {
        Set<String> roles = new HashSet<>(state.scopes());
        if (roles.contains(Scope.ADMIN)) {
            roles.addAll(Scope.ALL);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("api-key:" + state.keyId()))
                .addRoles(roles)
                .addAttribute(Caller.TENANT_ID, state.tenantId())
                .addAttribute(Caller.METHOD, Caller.AuthMethod.API_KEY)
                .addAttribute(Caller.API_KEY_ID, state.keyId())
                .addAttribute(Caller.TEST_MODE, state.test());
        if (state.createdBy() != null) {
            builder.addAttribute(Caller.USER_ID, state.createdBy());
        }
        return builder.build();
    }
}
