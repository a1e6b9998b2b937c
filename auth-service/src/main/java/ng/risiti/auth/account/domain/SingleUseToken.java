package ng.risiti.auth.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A short-lived secret a user presents once (a password-reset link, an MFA challenge): only its SHA-256 is stored,
 * and it works until it is used or expires, whichever comes first.
 */
@MappedSuperclass
public abstract class SingleUseToken {

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

    public boolean usableAt(OffsetDateTime now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
