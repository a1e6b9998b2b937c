package ng.risiti.nrs.submissions.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import ng.risiti.nrs.submissions.domain.SubmissionAttempt;
import ng.risiti.nrs.submissions.service.SubmissionService;

/** One submission with every call made to NRS for it, oldest first. */
public record SubmissionDetailResponse(@JsonUnwrapped SubmissionResponse submission, List<Attempt> attemptLog) {

    public record Attempt(String step, String requestId, Integer httpStatus, String outcome, long latencyMs, String error,
            OffsetDateTime createdAt) {

        static Attempt of(SubmissionAttempt attempt) {
            return new Attempt(attempt.step, attempt.requestId, attempt.httpStatus, attempt.outcome, attempt.latencyMs, attempt.error,
                    attempt.createdAt);
        }
    }

    public static SubmissionDetailResponse of(SubmissionService.Detail detail) {
        return new SubmissionDetailResponse(SubmissionResponse.of(detail.submission()),
                detail.attempts().stream().map(Attempt::of).toList());
    }
}
