package ng.risiti.auth.team.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;

/** A tenant's members as the team lists them (users: account's entity). */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<User, UUID> {

    /** Current members in id (= join) order, after the keyset position {@code afterId} when given. */
    public Uni<List<User>> listMembers(UUID tenantId, UUID afterId, int limit) {
        var query = afterId == null
                ? find("tenantId = ?1 and removedAt is null order by id", tenantId)
                : find("tenantId = ?1 and removedAt is null and id > ?2 order by id", tenantId, afterId);
        return query.range(0, limit - 1).list();
    }
}
