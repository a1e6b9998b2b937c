-- NRS submissions: one per finalized invoice, with the state of its way to NRS.

create table submissions (
    id              uuid         primary key,
    tenant_id       uuid         not null,
    invoice_id      uuid         not null unique,
    invoice_number  text         not null,
    irn             text         not null,
    status          text         not null,
    test_mode       boolean      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index submissions_tenant_id on submissions (tenant_id, id desc);
