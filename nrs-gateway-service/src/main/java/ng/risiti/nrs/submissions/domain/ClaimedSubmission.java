package ng.risiti.nrs.submissions.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A submission one worker has claimed until its lease passes. {@code attempts} counts this claim; the worker records
 * progress only while the row still has it, so a worker whose lease passed cannot overwrite a newer claim's work.
 * {@code traceParent}: the trace of the request that queued it (null when tracing was off), which the worker continues.
 */
public record ClaimedSubmission(UUID id, UUID tenantId, boolean testMode, UUID invoiceId, String invoiceNumber, String irn,
        MbsStep step, String payload, int attempts, OffsetDateTime signSentAt, String traceParent) {
}
