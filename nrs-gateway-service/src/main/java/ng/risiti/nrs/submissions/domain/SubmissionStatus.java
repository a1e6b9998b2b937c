package ng.risiti.nrs.submissions.domain;

import java.util.Locale;

/** Where a finalized invoice stands on its way to NRS. */
public enum SubmissionStatus {
    /** Finalized and known to the gateway; not yet asked to be submitted. */
    PENDING,
    QUEUED,
    SUBMITTED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
