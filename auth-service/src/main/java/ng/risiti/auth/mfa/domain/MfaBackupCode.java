package ng.risiti.auth.mfa.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A one-time code that stands in for a TOTP code; only its keyed hash is stored. */
@Entity
@Table(name = "mfa_backup_codes")
public class MfaBackupCode {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "code_hash", nullable = false)
    public String codeHash;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
