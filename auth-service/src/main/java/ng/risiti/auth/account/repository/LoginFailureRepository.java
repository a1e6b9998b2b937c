package ng.risiti.auth.account.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.account.domain.LoginFailure;

@ApplicationScoped
public class LoginFailureRepository implements PanacheRepositoryBase<LoginFailure, UUID> {

    /** Failures of {@code key} since {@code since}, oldest first. */
    public Uni<List<LoginFailure>> since(String key, OffsetDateTime since) {
        return list("throttleKey = ?1 and failedAt > ?2 order by failedAt", key, since);
    }

    public Uni<Long> forget(String key) {
        return delete("throttleKey", key);
    }

    public Uni<Long> deleteOlderThan(OffsetDateTime before) {
        return delete("failedAt < ?1", before);
    }
}
