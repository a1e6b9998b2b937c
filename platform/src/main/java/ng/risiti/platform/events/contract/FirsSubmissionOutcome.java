package ng.risiti.platform.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code invoice.firs_submitted} and {@code invoice.firs_submission_failed} on {@code risiti.nrs.v1} (key =
 * invoice id), written by nrs-gateway-service when a submission ends. {@code firsResponse} is what the invoice shows as
 * {@code firs_response}: {@code status}, {@code error} ({@code code}, {@code message}, {@code step}), {@code details[]},
 * and when each MBS step was done; {@code firsSubmittedAt} is set only when NRS confirmed.
 */
@RegisterForReflection
public record FirsSubmissionOutcome(
        UUID invoiceId,
        UUID tenantId,
        UUID submissionId,
        String jobId,
        String invoiceNumber,
        String irn,
        /** {@code submitted} or {@code failed}. */
        String status,
        boolean testMode,
        OffsetDateTime firsSubmittedAt,
        JsonNode firsResponse) {
}
