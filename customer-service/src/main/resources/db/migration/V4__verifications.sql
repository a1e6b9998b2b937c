-- TIN and NIN verifications a tenant asked for, with the provider's answer and what each cost (billing charges it).
create table verifications (
    id               uuid         primary key,
    tenant_id        uuid         not null,
    test_mode        boolean      not null,
    type             text         not null check (type in ('tin', 'nin')),
    number           text         not null,
    customer_id      uuid         references customers (id),
    valid            boolean      not null,
    registered_name  text,
    charge_kobo      bigint       not null,
    checked_at       timestamptz  not null
);
create index verifications_tenant on verifications (tenant_id, test_mode, id desc);

-- Set by a valid verification for the customer; a TIN changed afterwards is unverified again.
alter table customers add column tin_verified boolean not null default false;
alter table customers add column nin_verified boolean not null default false;
