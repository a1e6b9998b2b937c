package ng.risiti.nrs.submissions.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.SubmissionAttempt;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.request.UuidV7;

/** The calls made to NRS per submission (read through their submission, which carries the tenancy). */
@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<SubmissionAttempt, UUID> {

    public Uni<Integer> record(UUID submissionId, String step, String requestId, int httpStatus, String outcome, long latencyMillis,
            String error, OffsetDateTime at) {
        return SessionSql.update("""
                insert into submission_attempts (id, submission_id, step, request_id, http_status, outcome, latency_ms, error, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                UuidV7.next(), submissionId, step, requestId, httpStatus == 0 ? null : httpStatus, outcome, latencyMillis, error, at);
    }

    public Uni<List<SubmissionAttempt>> of(UUID submissionId) {
        return list("submissionId", Sort.by("createdAt").and("id"), submissionId);
    }
}
