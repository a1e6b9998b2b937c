package ng.risiti.auth.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.session.domain.RefreshToken;
import ng.risiti.auth.session.domain.Session;
import ng.risiti.auth.session.events.SessionEvents;
import ng.risiti.auth.session.repository.RefreshTokenRepository;
import ng.risiti.auth.session.repository.SessionRepository;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.auth.token.service.AccessTokens;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.security.RevokedSessions;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Sessions (refresh-token families) and their refresh tokens: open (for {@link SignIn}), rotate, revoke. {@link #open}
 * and {@link #revokeAllOf} join the caller's transaction; {@link #refresh} and {@link #logout} run their own.
 */
@ApplicationScoped
public class SessionService {

    /** A new session and the refresh token to hand the client once (only its hash is stored). */
    public record Opened(UUID sessionId, String refreshToken, OffsetDateTime expiresAt) {
    }

    /** A rotated refresh token and the access token issued with it. */
    public record Refreshed(String accessToken, String refreshToken, OffsetDateTime expiresAt) {
    }

    /** A session ended in a transaction; announce it to this replica with {@link #announce} once committed. */
    public record Revocation(UUID sessionId, OffsetDateTime at) {
    }

    public static final String REASON_LOGOUT = "logout";
    public static final String REASON_REUSE = "refresh_token_reuse";
    public static final String REASON_PASSWORD_RESET = "password_reset";
    public static final String REASON_ROLE_CHANGED = "role_changed";
    public static final String REASON_MEMBER_REMOVED = "member_removed";

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final int TOKEN_BYTES = 32;
    private static final String INVALID = "Refresh token is missing, invalid or expired. Sign in again.";

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final SessionEvents events;
    private final RevokedSessions revokedSessions;
    private final TokenConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public SessionService(SessionRepository sessions, RefreshTokenRepository refreshTokens, AccessTokens accessTokens,
            SessionEvents events, RevokedSessions revokedSessions, TokenConfig config, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.events = events;
        this.revokedSessions = revokedSessions;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Opened> open(UUID tenantId, UUID userId, Client client) {
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime expiresAt = now.plus(config.refreshTokenLifetime());
        Session session = new Session();
        session.id = UuidV7.next();
        session.tenantId = tenantId;
        session.userId = userId;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = expiresAt;
        session.userAgent = truncate(client.userAgent(), 512);
        session.ipAddress = truncate(client.ipAddress(), 64);

        String secret = newSecret();
        return sessions.persist(session)
                .flatMap(ignored -> refreshTokens.persist(newToken(session.id, secret, now, expiresAt)))
                .map(ignored -> new Opened(session.id, secret, expiresAt));
    }

    /**
     * Rotates {@code presented}: it is marked rotated, a successor is issued and the session's 7-day window slides
     * forward. A token that was already rotated is a replay (it leaked, or a client kept an old copy): the whole
     * session is revoked, in every service, and the caller gets 401.
     */
    public Uni<Refreshed> refresh(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 256) {
            return Uni.createFrom().failure(ApiException.unauthorized(INVALID));
        }
        String hash = Credentials.hash(presented);
        record Outcome(User user, Session session, String secret, Revocation reused) {
        }
        return Panache.withTransaction(() -> refreshTokens.findByHashForUpdate(hash).flatMap(token -> {
            if (token == null) {
                return Uni.createFrom().<Outcome>failure(ApiException.unauthorized(INVALID));
            }
            return sessions.findForUpdate(token.sessionId).flatMap(session -> {
                OffsetDateTime now = Clocks.now(clock);
                if (session.revokedAt != null) {
                    return Uni.createFrom().<Outcome>failure(ApiException.unauthorized(INVALID));
                }
                if (token.rotatedAt != null) {
                    LOG.warnf("Rotated refresh token presented again: revoking session %s", session.id);
                    return revoke(session, REASON_REUSE, now).map(revocation -> new Outcome(null, session, null, revocation));
                }
                if (!token.expiresAt.isAfter(now) || !session.expiresAt.isAfter(now)) {
                    return Uni.createFrom().<Outcome>failure(ApiException.unauthorized(INVALID));
                }
                return sessions.userOf(session).flatMap(user -> {
                    if (user == null) {
                        return Uni.createFrom().<Outcome>failure(ApiException.unauthorized(INVALID));
                    }
                    String secret = newSecret();
                    OffsetDateTime expiresAt = now.plus(config.refreshTokenLifetime());
                    RefreshToken successor = newToken(session.id, secret, now, expiresAt);
                    token.rotatedAt = now;
                    token.replacedBy = successor.id;
                    session.lastUsedAt = now;
                    session.expiresAt = expiresAt;
                    return refreshTokens.persist(successor).map(ignored -> new Outcome(user, session, secret, null));
                });
            });
        })).flatMap(outcome -> {
            if (outcome.reused() != null) {
                announce(List.of(outcome.reused()));
                return Uni.createFrom().failure(ApiException.unauthorized(
                        "This refresh token was already used; the session has been revoked. Sign in again."));
            }
            return Offload.run(() -> accessTokens.issue(outcome.user().id, outcome.user().tenantId, outcome.user().role, outcome.session().id))
                    .map(access -> new Refreshed(access, outcome.secret(), outcome.session().expiresAt));
        });
    }

    /** Ends the session the caller's access token belongs to; repeating it is harmless. */
    public Uni<Void> logout(UUID sessionId) {
        if (sessionId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> sessions.findForUpdate(sessionId).flatMap(session ->
                        session == null || session.revokedAt != null
                                ? Uni.createFrom().<Revocation>nullItem()
                                : revoke(session, REASON_LOGOUT, Clocks.now(clock))))
                .invoke(revocation -> {
                    if (revocation != null) {
                        announce(List.of(revocation));
                    }
                })
                .replaceWithVoid();
    }

    /** Revokes every live session of a user, inside the caller's transaction (password reset). */
    public Uni<List<Revocation>> revokeAllOf(UUID userId, String reason) {
        OffsetDateTime now = Clocks.now(clock);
        return sessions.liveOfUserForUpdate(userId).flatMap(live -> {
            List<Revocation> done = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Session session : live) {
                chain = chain.flatMap(ignored -> revoke(session, reason, now)).invoke(done::add).replaceWithVoid();
            }
            return chain.map(ignored -> done);
        });
    }

    /**
     * Tells this replica's {@link RevokedSessions} at once, after commit; other replicas and services learn it from
     * {@code session.revoked} on {@code risiti.sessions.v1} (and so does this one, again, harmlessly).
     */
    public void announce(List<Revocation> revocations) {
        revocations.forEach(r -> revokedSessions.revoke(r.sessionId().toString(), r.at().toInstant()));
    }

    private Uni<Revocation> revoke(Session session, String reason, OffsetDateTime now) {
        session.revokedAt = now;
        return events.revoked(session, reason, now).map(ignored -> new Revocation(session.id, now));
    }

    private static RefreshToken newToken(UUID sessionId, String secret, OffsetDateTime now, OffsetDateTime expiresAt) {
        RefreshToken token = new RefreshToken();
        token.id = UuidV7.next();
        token.sessionId = sessionId;
        // 256 random bits: one SHA-256 is enough to store and find it, as for API keys
        token.tokenHash = Credentials.hash(secret);
        token.createdAt = now;
        token.expiresAt = expiresAt;
        return token;
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
