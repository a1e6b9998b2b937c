package ng.risiti.invoice.signing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.signing.domain.TenantSigningKey;

@ApplicationScoped
public class TenantSigningKeyRepository implements PanacheRepositoryBase<TenantSigningKey, UUID> {

    /** Stores the key unless another replica stored one first; either way the stored key wins. */
    public Uni<TenantSigningKey> insertIfAbsent(TenantSigningKey key) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into tenant_signing_keys (tenant_id, kid, public_key, private_key, created_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (tenant_id) do nothing""")
                .setParameter(1, key.tenantId)
                .setParameter(2, key.kid)
                .setParameter(3, key.publicKey)
                .setParameter(4, key.privateKey)
                .setParameter(5, key.createdAt)
                .executeUpdate())
                .flatMap(ignored -> findById(key.tenantId));
    }
}
