-- NRS is told when a submitted invoice is paid, partially paid or cancelled (PATCH /api/v1/invoice/update/{irn}).
alter table submissions
    -- what NRS should show (PAID, PARTIAL, CANCELED), from the invoice's newest event (payment_version: newer wins)
    add column payment_status        text,
    add column payment_reference     text,
    add column payment_version       bigint       not null default 0,
    -- what NRS last accepted
    add column payment_status_sent   text,
    add column payment_attempts      integer      not null default 0,
    -- due time of the next update call; null when NRS is up to date (or the last update was refused)
    add column payment_next_at       timestamptz,
    add column payment_error         text;

create index submissions_payment_due on submissions (payment_next_at) where status = 'SUBMITTED' and payment_next_at is not null;
