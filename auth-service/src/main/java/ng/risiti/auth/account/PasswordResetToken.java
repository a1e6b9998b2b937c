package ng.risiti.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A password-reset link's token (SHA-256 only): single use, short-lived. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
