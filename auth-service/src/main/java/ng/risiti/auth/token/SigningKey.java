package ng.risiti.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An RSA key pair that signs access tokens; its public half is published in the JWKS under {@link #kid}. */
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
    @Column(nullable = false)
    public boolean active;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
}
