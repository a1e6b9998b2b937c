-- A submission becomes a durable job: the MBS step it is at, its claim (attempts + lease) and what NRS answered.
-- payload (JSON text) is the NRS invoice JSON invoice-service built when submit-firs was called (frozen: every retry sends the same).
alter table submissions
    add column step             text,
    add column payload          text,
    add column attempts         integer      not null default 0,
    add column next_attempt_at  timestamptz,
    add column firs_response    text,
    add column last_error       text,
    add column submitted_at     timestamptz,
    -- set, in its own transaction, before the sign call goes out: a worker finding it set asks NRS before signing again
    add column sign_sent_at     timestamptz,
    add column irn_validated_at timestamptz,
    add column validated_at     timestamptz,
    add column signed_at        timestamptz,
    add column transmitted_at   timestamptz,
    add column confirmed_at     timestamptz,
    add column queued_at        timestamptz;

create index submissions_due on submissions (next_attempt_at) where status = 'QUEUED';

-- Every call the gateway made to NRS for a submission, oldest first.
create table submission_attempts (
    id             uuid         primary key,
    submission_id  uuid         not null references submissions (id),
    step           text         not null,
    request_id     text,
    http_status    integer,
    outcome        text         not null,
    latency_ms     bigint       not null,
    error          text,
    created_at     timestamptz  not null
);
create index submission_attempts_submission on submission_attempts (submission_id, created_at);
