package ng.risiti.auth.team.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation to join a tenant with a role. The token is only in the mail; {@link #tokenHash} is its SHA-256.
 * Pending while neither accepted nor revoked and not past {@link #expiresAt}.
 */
@Entity
@Table(name = "invitations")
public class Invitation {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    /** Lower case, like {@code users.email}. */
    @Column(nullable = false)
    public String email;
    @Column(nullable = false)
    public Role role;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "invited_by", nullable = false)
    public UUID invitedBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "accepted_user_id")
    public UUID acceptedUserId;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean pendingAt(OffsetDateTime now) {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
