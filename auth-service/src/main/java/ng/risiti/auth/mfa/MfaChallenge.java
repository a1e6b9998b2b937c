package ng.risiti.auth.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A login that passed the password and waits for a TOTP or backup code; the client holds it as {@code mfa_token}. */
@Entity
@Table(name = "mfa_challenges")
public class MfaChallenge {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    /** SHA-256 of the opaque token. */
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "ip_address")
    public String ipAddress;
}
