-- Platform tables every service has: the transactional outbox, the consumer inbox, and stored idempotent responses.

create table outbox_events (
    seq            bigserial    not null,
    id             uuid         primary key,
    topic          text         not null,
    partition_key  text         not null,
    type           text         not null,
    source         text         not null,
    subject        text,
    tenant_id      uuid,
    occurred_at    timestamptz  not null,
    data           text         not null,
    published_at   timestamptz
);
create index outbox_events_unpublished on outbox_events (seq) where published_at is null;

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit).
create function outbox_events_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('risiti_outbox', '');
    return null;
end $$;
create trigger outbox_events_notify after insert on outbox_events
    for each statement execute function outbox_events_notify();

create table inbox_events (
    consumer      text         not null,
    event_id      text         not null,
    event_type    text         not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);

create table idempotency_keys (
    scope            text         not null,
    idempotency_key  text         not null,
    request_hash     text         not null,
    status           integer,
    content_type     text,
    body             text,
    -- the response held a secret and was not stored: a repeat is refused, not replayed
    secret           boolean      not null default false,
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    primary key (scope, idempotency_key)
);
