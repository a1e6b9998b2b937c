package ng.risiti.auth.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.auth.account.domain.PasswordResetToken;

@ApplicationScoped
public class PasswordResetTokenRepository implements PanacheRepositoryBase<PasswordResetToken, UUID> {

    public Uni<PasswordResetToken> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Once a password is reset, every other outstanding link of that user stops working too. */
    public Uni<Integer> useAllOf(UUID userId, OffsetDateTime at) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", at, userId);
    }
}
