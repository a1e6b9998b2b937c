-- Webhook endpoints, the deliveries of events to them and each attempt (issue 15, docs/specification.md, Webhooks).

create table webhook_endpoints (
    id           uuid         primary key,
    tenant_id    uuid         not null,
    test_mode    boolean      not null,
    url          text         not null,
    -- subscribed event names, or the one element '*'
    events       text[]       not null,
    description  text,
    status       text         not null check (status in ('active', 'paused')),
    -- why it is paused when the service paused it (failing for days); null when a user paused it or it is active
    paused_reason text,
    -- whs_ + 32 hex, sealed with SecretBox (AES-256-GCM, bound to the endpoint id): shown once, read back to sign
    secret       bytea        not null,
    -- since when every attempt to it has failed (null after any success): what auto-pause counts from
    failing_since timestamptz,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index webhook_endpoints_tenant on webhook_endpoints (tenant_id, test_mode, id);

create table webhook_deliveries (
    id              uuid         primary key,
    endpoint_id     uuid         not null references webhook_endpoints (id) on delete cascade,
    tenant_id       uuid         not null,
    test_mode       boolean      not null,
    -- the event delivered (events.id), or a webhook.test event's own id
    event_id        text         not null,
    event_type      text         not null,
    -- the exact body every attempt sends, so retries are byte-identical and their signatures verify the same
    payload         text         not null,
    status          text         not null check (status in ('pending', 'succeeded', 'failed', 'skipped')),
    -- attempts started: a claim counts one, so a process that dies mid-send still used it
    attempts        integer      not null default 0 check (attempts >= 0),
    -- attempts it may use: the first and one per scheduled retry; a manual retry allows one more
    max_attempts    integer      not null check (max_attempts >= 1),
    -- when a dispatcher may next claim it (pending only); a claim moves it to the end of its lease
    next_attempt_at timestamptz,
    -- while a dispatcher holds it: the claim's lease (in-flight deliveries per endpoint are counted from this)
    leased_until    timestamptz,
    last_status_code integer,
    last_error      text,
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    check ((status = 'pending') = (next_attempt_at is not null)),
    unique (endpoint_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_in_flight on webhook_deliveries (endpoint_id) where leased_until is not null;
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, id desc);

create table webhook_attempts (
    id               uuid         primary key,
    delivery_id      uuid         not null references webhook_deliveries (id) on delete cascade,
    attempt          integer      not null,
    attempted_at     timestamptz  not null,
    -- null when no HTTP answer came (timeout, refused connection, refused address)
    status_code      integer,
    latency_ms       integer      not null,
    -- the first 1 KB of the response body
    response_excerpt text,
    error            text
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);
