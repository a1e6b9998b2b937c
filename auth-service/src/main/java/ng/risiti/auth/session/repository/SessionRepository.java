package ng.risiti.auth.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.session.domain.Session;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public Uni<Session> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Session>> liveOfUserForUpdate(UUID userId) {
        return find("userId = ?1 and revokedAt is null", userId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The user a session belongs to, as it is now (role, tenant), for the access token a refresh issues; null if gone. */
    public Uni<User> userOf(Session session) {
        return Panache.getSession().flatMap(db -> db.find(User.class, session.userId));
    }
}
