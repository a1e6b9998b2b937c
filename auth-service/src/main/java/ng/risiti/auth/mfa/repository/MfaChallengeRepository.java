package ng.risiti.auth.mfa.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.auth.mfa.domain.MfaChallenge;

@ApplicationScoped
public class MfaChallengeRepository implements PanacheRepositoryBase<MfaChallenge, UUID> {

    /** Locked: two requests racing with one token must not both complete it. */
    public Uni<MfaChallenge> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Long> deleteExpired(OffsetDateTime before) {
        return delete("expiresAt < ?1", before);
    }
}
