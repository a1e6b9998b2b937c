package ng.risiti.auth.mfa.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import ng.risiti.auth.mfa.domain.MfaBackupCode;

@ApplicationScoped
public class MfaBackupCodeRepository implements PanacheRepositoryBase<MfaBackupCode, UUID> {

    public Uni<MfaBackupCode> findUnusedForUpdate(UUID userId, String codeHash) {
        return find("userId = ?1 and codeHash = ?2 and usedAt is null", userId, codeHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Long> deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
