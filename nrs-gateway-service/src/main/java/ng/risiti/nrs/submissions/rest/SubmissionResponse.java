package ng.risiti.nrs.submissions.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.Submission;

public record SubmissionResponse(UUID id, UUID invoiceId, String invoiceNumber, String irn, String status, boolean testMode,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static SubmissionResponse of(Submission submission) {
        return new SubmissionResponse(submission.id, submission.invoiceId, submission.invoiceNumber, submission.irn,
                submission.status.wireName(), submission.testMode, submission.createdAt, submission.updatedAt);
    }
}
