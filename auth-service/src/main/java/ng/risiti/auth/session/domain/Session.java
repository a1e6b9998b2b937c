package ng.risiti.auth.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One sign-in and the family of refresh tokens rotated from it; access tokens name it in their {@code sid}. */
@Entity
@Table(name = "sessions")
public class Session {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "last_used_at", nullable = false)
    public OffsetDateTime lastUsedAt;
    /** Sliding: each refresh moves it forward by the refresh-token lifetime. */
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "ip_address")
    public String ipAddress;
}
