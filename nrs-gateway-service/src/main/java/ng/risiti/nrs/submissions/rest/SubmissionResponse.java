package ng.risiti.nrs.submissions.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.Submission;
import ng.risiti.nrs.submissions.service.SubmissionService;

/** A submission as the API shows it; {@code firs_response} is what the invoice shows too (null until it ends). */
public record SubmissionResponse(UUID id, UUID invoiceId, String invoiceNumber, String irn, String status, boolean testMode, String jobId,
        String step, int attempts, OffsetDateTime nextAttemptAt, String lastError, @JsonRawValue String firsResponse,
        OffsetDateTime submittedAt, PaymentStatus paymentStatus, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The invoice's payment status as NRS should show it ({@code wanted}), as NRS last accepted it, and a refusal. */
    public record PaymentStatus(String wanted, String atNrs, String error) {
    }

    public static SubmissionResponse of(Submission submission) {
        return new SubmissionResponse(submission.id, submission.invoiceId, submission.invoiceNumber, submission.irn,
                submission.status.wireName(), submission.testMode, SubmissionService.jobId(submission.invoiceId),
                submission.step == null ? null : submission.step.wireName(), submission.attempts, submission.nextAttemptAt,
                submission.lastError, submission.firsResponse, submission.submittedAt,
                new PaymentStatus(submission.paymentStatus, submission.paymentStatusSent, submission.paymentError),
                submission.createdAt, submission.updatedAt);
    }
}
