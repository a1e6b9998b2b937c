-- NDPR data exports (seed 002 POST /settings/data-export): every service sends its part over Kafka in chunks; the
-- archive is assembled here, kept in parts of about 1 MB, and deleted when its download link expires.

create table data_exports (
    id                 uuid         primary key,
    tenant_id          uuid         not null references tenants (id),
    requested_by       uuid         not null references users (id),
    status             text         not null check (status in ('processing', 'ready', 'failed', 'expired')),
    -- the services asked, as configured when it was requested
    services           text[]       not null,
    requested_at       timestamptz  not null,
    completed_at       timestamptz,
    expires_at         timestamptz,
    size_bytes         bigint,
    sha256             text,
    failure_reason     text
);
create index data_exports_tenant on data_exports (tenant_id, requested_at desc);
-- one export in progress per tenant: a second request while one runs is a conflict
create unique index data_exports_one_processing on data_exports (tenant_id) where status = 'processing';

create table data_export_contributions (
    export_id    uuid         not null references data_exports (id) on delete cascade,
    service      text         not null,
    files        text         not null,  -- JSON: [{name, records, chunks}]
    chunks       integer      not null,
    records      bigint       not null,
    failure      text,
    received_at  timestamptz  not null,
    primary key (export_id, service)
);

create table data_export_chunks (
    export_id  uuid     not null references data_exports (id) on delete cascade,
    service    text     not null,
    file       text     not null,
    seq        integer  not null,
    records    text     not null,  -- the chunk's JSON objects, one per line, comma-separated
    primary key (export_id, service, file, seq)
);

create table data_export_archive_parts (
    export_id  uuid     not null references data_exports (id) on delete cascade,
    seq        integer  not null,
    bytes      bytea    not null,
    primary key (export_id, seq)
);
