-- Events webhook deliveries are made from: every public invoice event, kept once per event id.

create table events (
    id           text         primary key,
    tenant_id    uuid,
    type         text         not null,
    subject      text,
    occurred_at  timestamptz,
    data         text         not null,
    received_at  timestamptz  not null
);
create index events_tenant_time on events (tenant_id, occurred_at desc);
