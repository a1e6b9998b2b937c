-- Outbox rows fail one by one and are parked instead of stalling the relay; every event carries its aggregate's
-- version; the relay polls instead of being woken by NOTIFY (which serialised every committing transaction that wrote
-- an event on one cluster-wide lock through its commit flush).

drop trigger outbox_events_notify on outbox_events;
drop function outbox_events_notify();

alter table outbox_events
    add column aggregate_version bigint       not null default 0,
    -- live or test world of the tenant data the event is about; null for events that are not (API keys, sessions)
    add column test_mode         boolean,
    add column attempts          integer      not null default 0,
    add column last_error        text,
    add column next_attempt_at   timestamptz,
    add column parked_at         timestamptz;

-- Rows held back (backing off or parked) hold back the later rows of their aggregate: found through this index.
create index outbox_events_held on outbox_events (partition_key, seq)
    where published_at is null and (parked_at is not null or next_attempt_at is not null);
create index outbox_events_published_at on outbox_events (published_at) where published_at is not null;

-- One counter per aggregate: the upsert that bumps it in the writing transaction orders that aggregate's events by
-- commit, and gives each its version.
create table outbox_aggregate_versions (
    aggregate  text    primary key,
    version    bigint  not null
);

create index inbox_events_processed_at on inbox_events (processed_at);

-- Idempotency outcomes are now written in the transaction of the effect they describe. The scope names tenant, mode
-- and credential; the request hash is an HMAC under a server key; bodies are sealed (AES-GCM). Rows of the old shape
-- could not be replayed under the new scope, so they go.
drop table idempotency_keys;
create table idempotency_keys (
    scope            text         not null,
    idempotency_key  text         not null,
    request_hash     text         not null,
    status           integer,
    content_type     text,
    -- headers a replay must repeat (Location), as a JSON object
    headers          text,
    body             bytea,
    -- the response held a secret and was not stored: a repeat is refused, not replayed
    secret           boolean      not null default false,
    created_at       timestamptz  not null,
    primary key (scope, idempotency_key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);

-- A dead letter an operator replayed successfully (the dead-letter topic itself is append-only).
create table dead_letter_replays (
    dead_letter_topic  text         not null,
    kafka_partition    integer      not null,
    kafka_offset       bigint       not null,
    event_id           text,
    replayed_at        timestamptz  not null,
    primary key (dead_letter_topic, kafka_partition, kafka_offset)
);
