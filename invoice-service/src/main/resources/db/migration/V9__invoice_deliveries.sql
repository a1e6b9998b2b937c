-- Sending invoices (issue 12): one row per channel and recipient of each POST /invoices/{id}/send, written in the
-- send's transaction; a dispatcher delivers them afterwards, so a mail server or WhatsApp that is away delays a
-- delivery and never loses it.

create table invoice_deliveries (
    id                   uuid         primary key,
    tenant_id            uuid         not null,
    test_mode            boolean      not null,
    invoice_id           uuid         not null references invoices (id),
    channel              text         not null check (channel in ('EMAIL', 'WHATSAPP')),
    -- an email address, or a phone number in E.164 (+234...)
    recipient            text         not null,
    -- the sender's optional note for the email body
    message              text,
    status               text         not null check (status in ('PENDING', 'SENT', 'FAILED')),
    -- attempts started so far: a dispatcher counts its claim as one, so a process that dies mid-send still counts
    attempts             integer      not null default 0 check (attempts >= 0),
    -- when a dispatcher may next claim it: due while pending; a claim moves it past the claim's lease
    next_attempt_at      timestamptz,
    last_error           text,
    -- the provider's id of what it accepted (WhatsApp's wamid; for email our own Message-ID)
    provider_message_id  text,
    created_at           timestamptz  not null,
    sent_at              timestamptz,
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'SENT') = (sent_at is not null))
);
-- The dispatcher's claim reads only due pending rows, oldest due first.
create index invoice_deliveries_due on invoice_deliveries (next_attempt_at) where status = 'PENDING';
create index invoice_deliveries_invoice on invoice_deliveries (invoice_id, id);
