package ng.risiti.auth.apikey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's API key. Only its SHA-256 and a short display prefix are kept; the key itself is shown once. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    /** The {@code mode} of a key as the API shows it: live ({@code rs_live_}) or test (sandbox, {@code rs_test_}). */
    public static final String LIVE = "live";
    public static final String TEST = "test";

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(nullable = false)
    public String name;
    @Column(name = "key_hash", nullable = false)
    public String keyHash;
    @Column(nullable = false)
    public String prefix;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> scopes;
    @Column(nullable = false)
    public boolean test;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public String mode() {
        return test ? TEST : LIVE;
    }
}
