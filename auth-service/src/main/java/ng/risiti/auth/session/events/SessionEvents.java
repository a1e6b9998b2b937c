package ng.risiti.auth.session.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import ng.risiti.auth.session.domain.Session;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.SessionRevoked;

/**
 * A revoked session goes out as {@code session.revoked} on {@code risiti.sessions.v1} (key = session id), from which
 * every service's {@code RevokedSessions} refuses its access tokens. Written in the transaction that revokes it.
 */
@ApplicationScoped
public class SessionEvents {

    private final Outbox outbox;

    public SessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> revoked(Session session, String reason, OffsetDateTime at) {
        return outbox.emit(Topics.SESSIONS, EventTypes.SESSION_REVOKED, session.id.toString(), session.tenantId,
                new SessionRevoked(session.id, session.tenantId, session.userId, at.toInstant(), reason));
    }
}
