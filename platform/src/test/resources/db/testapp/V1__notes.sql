-- The test application's data: notes (written by its API, with an event each) and what its consumer applied.
create table notes (
    id          uuid         primary key,
    tenant_id   uuid         not null,
    test_mode   boolean      not null,
    text        text         not null,
    created_at  timestamptz  not null
);

create table applied_notes (
    applied_seq  bigserial  primary key,
    event_id     text       not null,
    note_key     text       not null,
    text         text       not null,
    version      bigint     not null
);
