package ng.risiti.invoice.signing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The RSA key a tenant's invoices are signed with (RS256 JWS over their canonical form). */
@Entity
@Table(name = "tenant_signing_keys")
public class TenantSigningKey extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String kid;
    @Column(name = "public_key")
    public byte[] publicKey;
    @Column(name = "private_key")
    public byte[] privateKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
