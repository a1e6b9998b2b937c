package ng.risiti.auth.dataexport.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's request for everything Risiti holds about it, and the archive that answers it. */
@Entity
@Table(name = "data_exports")
public class DataExport {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;
    @Column(nullable = false)
    public DataExportStatus status;
    /** The services asked to contribute; the archive is built when each has answered. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> services;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    /** When the download link stops working and the archive is deleted (ready exports only). */
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @Column(name = "failure_reason")
    public String failureReason;

    public boolean downloadableAt(OffsetDateTime now) {
        return status == DataExportStatus.READY && expiresAt != null && expiresAt.isAfter(now);
    }
}
