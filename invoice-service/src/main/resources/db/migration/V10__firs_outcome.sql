-- What NRS said about the invoice (nrs-gateway-service's invoice.firs_submitted / invoice.firs_submission_failed).
alter table invoices
    add column firs_response text,
    -- the aggregate version of the last NRS outcome applied: an older, redelivered one never overwrites a newer
    add column firs_version bigint,
    -- finalized or sent: where a failed invoice goes back to once a retried submission succeeds
    add column status_before_firs_failure text;
