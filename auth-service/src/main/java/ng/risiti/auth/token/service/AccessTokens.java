package ng.risiti.auth.token.service;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.platform.security.JwtIdentityAugmentor;

/**
 * Issues RS256 access tokens in the shape every service's {@link JwtIdentityAugmentor} reads: {@code sub} the
 * user, {@code tid} the tenant, {@code role}, {@code sid} the session, {@code groups} the role's scopes.
 * Signing is RSA work: call it on a worker.
 */
@ApplicationScoped
public class AccessTokens {

    private final SigningKeys keys;
    private final TokenConfig config;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, TokenConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public String issue(UUID userId, UUID tenantId, Role role, UUID sessionId) {
        SigningKeys.Active key = keys.active();
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer())
                .subject(userId.toString())
                .claim(JwtIdentityAugmentor.TENANT_CLAIM, tenantId.toString())
                .claim(JwtIdentityAugmentor.ROLE_CLAIM, role.wireName())
                .claim(JwtIdentityAugmentor.SESSION_CLAIM, sessionId.toString())
                .groups(new HashSet<>(role.scopes()))
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenLifetime()))
                .jws()
                .keyId(key.kid())
                .sign(key.privateKey());
    }
}
