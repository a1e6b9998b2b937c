-- What the test application's bulk consumer (NoteBatchConsumer) writes: one row per note, all of a poll's in one statement.
create table batched_notes (
    applied_seq  bigserial  primary key,
    event_id     text       not null,
    note_key     text       not null,
    text         text       not null,
    version      bigint     not null
);
