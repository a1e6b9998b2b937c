package ng.risiti.nrs.submissions.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A submission one worker has claimed until its lease passes. {@code attempts} counts this claim; the worker records
 * progress only while the row still has it, so a worker whose lease passed cannot overwrite a newer claim's work.
 */
public record ClaimedSubmission(UUID id, UUID tenantId, boolean testMode, UUID invoiceId, String invoiceNumber, String irn,
        MbsStep step, String payload, int attempts, OffsetDateTime signSentAt) {
}
