package ng.risiti.auth.token.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import ng.risiti.auth.token.domain.SigningKey;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    public Uni<SigningKey> findActive() {
        return find("active = true").firstResult();
    }

    /** The next key: published, not signing yet. */
    public Uni<SigningKey> findPending() {
        return find("active = false and retiredAt is null").firstResult();
    }

    /**
     * The active key, the pending one, and keys retired after {@code retiredSince}: tokens they signed may still be
     * presented. Never a withdrawn (leaked) key.
     */
    public Uni<List<SigningKey>> published(OffsetDateTime retiredSince) {
        return list("(retiredAt is null or retiredAt > ?1) and withdrawnAt is null order by createdAt desc", retiredSince);
    }

    /**
     * Stores {@code key} as the active key unless one already exists; the unique partial index on active keys
     * makes a second replica's concurrent insert a no-op. Returns whether this key was stored.
     */
    public Uni<Boolean> insertIfNoneActive(SigningKey key) {
        return insert(key, true);
    }

    /** Stores {@code key} as the pending key unless one already exists (unique partial index, as for the active key). */
    public Uni<Boolean> insertIfNonePending(SigningKey key) {
        return insert(key, false);
    }

    private Uni<Boolean> insert(SigningKey key, boolean active) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into signing_keys (kid, public_key, private_key, created_at, activates_at, active)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, key.kid)
                .setParameter(2, key.publicKey)
                .setParameter(3, key.privateKey)
                .setParameter(4, key.createdAt)
                .setParameter(5, key.activatesAt)
                .setParameter(6, active)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The active key, locked until the transaction ends: every rotation and activation takes this lock first, so a
     * concurrent one waits here and then finds no active row (the one it waited for was retired), so it knows it lost.
     */
    public Uni<SigningKey> lockActive() {
        return find("active = true").withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> retire(String kid, OffsetDateTime at) {
        return update("active = false, retiredAt = ?1 where active = true and kid = ?2", at, kid);
    }

    /** Makes the pending key {@code kid} the active one; call after retiring the active key (one active key at a time). */
    public Uni<Integer> activate(String kid, OffsetDateTime at) {
        return update("active = true, activatesAt = ?1 where active = false and retiredAt is null and kid = ?2", at, kid);
    }

    /** Withdraws the keys retired at {@code at} (by an emergency rotation): they leave the JWKS now. */
    public Uni<Integer> withdrawRetiredAt(OffsetDateTime at) {
        return update("withdrawnAt = ?1 where retiredAt = ?1", at);
    }

    /** Retires the pending key, if any, without it ever having been activated (an immediate rotation replaces it). */
    public Uni<Integer> retirePending(OffsetDateTime at) {
        return update("retiredAt = ?1 where active = false and retiredAt is null", at);
    }
}
