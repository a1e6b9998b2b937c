package ng.risiti.auth.token.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An RSA key pair that signs access tokens; its public half is published in the JWKS under {@link #kid}. Pending (not
 * active, not retired: published ahead of use), then active from {@link #activatesAt}, then retired.
 */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    public String kid;
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;
    @Column(name = "private_key", nullable = false)
    public byte[] privateKey;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    /** When it starts (or started) signing; a pending key is promoted at the first key refresh after this. */
    @Column(name = "activates_at", nullable = false)
    public OffsetDateTime activatesAt;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    /** Set when an emergency rotation retired the key because it leaked: no longer published at all. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
}
