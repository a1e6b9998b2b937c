package ng.risiti.auth.oauth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.auth.oauth.domain.OAuthState;

@ApplicationScoped
public class OAuthStateRepository implements PanacheRepositoryBase<OAuthState, UUID> {

    /** Locked: two callbacks racing with one state must not both get past it. */
    public Uni<OAuthState> findByHashForUpdate(String stateHash) {
        return find("stateHash", stateHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Long> deleteExpired(OffsetDateTime before) {
        return delete("expiresAt < ?1", before);
    }
}
