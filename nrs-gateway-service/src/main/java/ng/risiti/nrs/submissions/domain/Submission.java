package ng.risiti.nrs.submissions.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A finalized invoice's submission record at the NRS gateway. */
@Entity
@Table(name = "submissions")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    public String irn;
    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
