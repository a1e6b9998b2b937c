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
    /** The MBS step a queued submission is at; null until submit-firs asks for it. */
    @Enumerated(EnumType.STRING)
    public MbsStep step;
    /** Claims so far (each claim may call NRS several times, one step after another). */
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    /** NRS's answer as the invoice shows it ({@code firs_response}): JSON text. */
    @Column(name = "firs_response")
    public String firsResponse;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "queued_at")
    public OffsetDateTime queuedAt;
    @Column(name = "irn_validated_at")
    public OffsetDateTime irnValidatedAt;
    @Column(name = "validated_at")
    public OffsetDateTime validatedAt;
    @Column(name = "signed_at")
    public OffsetDateTime signedAt;
    @Column(name = "transmitted_at")
    public OffsetDateTime transmittedAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    /** The payment status NRS should show (PAID, PARTIAL, CANCELED), and the one it last accepted. */
    @Column(name = "payment_status")
    public String paymentStatus;
    @Column(name = "payment_status_sent")
    public String paymentStatusSent;
    @Column(name = "payment_error")
    public String paymentError;
}
