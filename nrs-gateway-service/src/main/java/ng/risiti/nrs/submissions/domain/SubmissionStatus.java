package ng.risiti.nrs.submissions.domain;

import java.util.Locale;

/** Where a finalized invoice stands on its way to NRS. */
public enum SubmissionStatus {
    /** Finalized and known to the gateway; not yet asked to be submitted (POST /invoices/{id}/submit-firs). */
    PENDING,
    /** Asked to be submitted: the worker walks it through the MBS steps, retrying passing failures. */
    QUEUED,
    /** NRS confirmed it. */
    SUBMITTED,
    /** NRS refused it, or passing failures outlasted the retries; submit-firs queues it again. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether submit-firs may (re)queue it: a queued or submitted one keeps its job. */
    public boolean submittable() {
        return this == PENDING || this == FAILED;
    }
}
