package ng.risiti.auth.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.session.domain.Session;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public Uni<Session> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Session>> liveOfUserForUpdate(UUID userId) {
        return find("userId = ?1 and revokedAt is null", userId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
