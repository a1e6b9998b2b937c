package ng.risiti.auth.team.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.session.Session;
import ng.risiti.auth.session.repository.SessionRepository;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.SessionRevoked;
import ng.risiti.platform.security.RevokedSessions;

/**
 * Ends every session of a member whose role changed (their tokens carry the old scopes) or who was removed:
 * the sessions are marked revoked (no refresh) and {@code session.revoked} goes on {@code risiti.sessions.v1}, so
 * every service refuses their access tokens. Call {@link #revoke} inside the change's transaction and
 * {@link #refuseNow} after it commits, so this replica refuses them without waiting for the topic.
 */
@ApplicationScoped
public class MemberSessions {

    public static final String ROLE_CHANGED = "role_changed";
    public static final String MEMBER_REMOVED = "member_removed";

    private final SessionRepository sessions;
    private final Outbox outbox;
    private final RevokedSessions revoked;

    public MemberSessions(SessionRepository sessions, Outbox outbox, RevokedSessions revoked) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.revoked = revoked;
    }

    public Uni<List<SessionRevoked>> revoke(UUID tenantId, UUID userId, String reason, OffsetDateTime at) {
        return sessions.list("userId = ?1 and tenantId = ?2 and revokedAt is null", userId, tenantId)
                .flatMap(open -> Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(session -> revoke(session, reason, at))
                        .collect().asList());
    }

    public void refuseNow(List<SessionRevoked> revocations) {
        revocations.forEach(revocation -> revoked.revoke(revocation.sessionId().toString(), revocation.revokedAt()));
    }

    private Uni<SessionRevoked> revoke(Session session, String reason, OffsetDateTime at) {
        session.revokedAt = at;
        SessionRevoked revocation = new SessionRevoked(session.id, session.tenantId, session.userId, at.toInstant(), reason);
        return outbox.emit(Topics.SESSIONS, EventTypes.SESSION_REVOKED, session.id.toString(), session.tenantId, revocation)
                .replaceWith(revocation);
    }
}
