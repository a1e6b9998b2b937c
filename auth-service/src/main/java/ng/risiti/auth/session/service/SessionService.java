package ng.risiti.auth.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import ng.risiti.auth.session.RefreshToken;
import ng.risiti.auth.session.Session;
import ng.risiti.auth.session.repository.RefreshTokenRepository;
import ng.risiti.auth.session.repository.SessionRepository;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Credentials;

/** Sessions and their refresh tokens. Call inside the caller's transaction. */
@ApplicationScoped
public class SessionService {

    /** A new session and the refresh token to hand the client once (only its hash is stored). */
    public record Opened(UUID sessionId, String refreshToken, OffsetDateTime expiresAt) {
    }

    private static final int TOKEN_BYTES = 32;

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final TokenConfig config;
    private final SecureRandom random = new SecureRandom();

    public SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens, TokenConfig config) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.config = config;
    }

    public Uni<Opened> open(UUID tenantId, UUID userId, String userAgent, String ipAddress) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime expiresAt = now.plus(config.refreshTokenLifetime());
        Session session = new Session();
        session.id = UuidV7.next();
        session.tenantId = tenantId;
        session.userId = userId;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = expiresAt;
        session.userAgent = truncate(userAgent, 512);
        session.ipAddress = truncate(ipAddress, 64);

        String secret = newSecret();
        RefreshToken token = new RefreshToken();
        token.id = UuidV7.next();
        token.sessionId = session.id;
        // 256 random bits: one SHA-256 is enough to store and find it, as for API keys
        token.tokenHash = Credentials.hash(secret);
        token.createdAt = now;
        token.expiresAt = expiresAt;
        return sessions.persist(session)
                .flatMap(ignored -> refreshTokens.persist(token))
                .map(ignored -> new Opened(session.id, secret, expiresAt));
    }

    private String newSecret() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
