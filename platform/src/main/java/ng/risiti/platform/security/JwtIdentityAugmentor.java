package ng.risiti.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a verified access token the same shape as an API-key identity: tenant and user attributes, and the
 * token's {@code groups} (scopes of the user's role) as roles, with {@code admin} implying every scope. A token
 * of a revoked session (logout, password reset, removed member) is refused here, in every service.
 */
@ApplicationScoped
public class JwtIdentityAugmentor implements SecurityIdentityAugmentor {

    private final RevokedSessions revokedSessions;

    public JwtIdentityAugmentor(RevokedSessions revokedSessions) {
        this.revokedSessions = revokedSessions;
    }

    public static final String TENANT_CLAIM = "tid";
    public static final String ROLE_CLAIM = "role";
    public static final String SESSION_CLAIM = "sid";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getAttribute(Caller.TENANT_ID) != null) {
            return Uni.createFrom().item(identity);
        }
        String tenant = jwt.getClaim(TENANT_CLAIM);
        if (tenant == null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.TENANT_ID, UUID.fromString(tenant))
                .addAttribute(Caller.USER_ID, UUID.fromString(jwt.getSubject()))
                .addAttribute(Caller.METHOD, Caller.AuthMethod.JWT)
                .addAttribute(Caller.TEST_MODE, false);
        String session = jwt.getClaim(SESSION_CLAIM);
        // every access token auth-service issues names its session; one without could never be revoked
        if (session == null || session.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("access token has no session (sid)"));
        }
        if (revokedSessions.isRevoked(session)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("session was revoked"));
        }
        builder.addAttribute(Caller.SESSION_ID, session);
        if (identity.getRoles().contains(Scope.ADMIN)) {
            builder.addRoles(new java.util.HashSet<>(Scope.ALL));
        }
        return Uni.createFrom().item(builder.build());
    }
}
