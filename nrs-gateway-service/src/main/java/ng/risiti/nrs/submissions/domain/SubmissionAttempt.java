package ng.risiti.nrs.submissions.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One call the gateway made to NRS for a submission: which step, NRS's request id, how it went and how long it took. */
@Entity
@Table(name = "submission_attempts")
public class SubmissionAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "submission_id")
    public UUID submissionId;
    public String step;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "http_status")
    public Integer httpStatus;
    /** {@code ok}, {@code retryable} or {@code rejected}. */
    public String outcome;
    @Column(name = "latency_ms")
    public long latencyMs;
    public String error;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
