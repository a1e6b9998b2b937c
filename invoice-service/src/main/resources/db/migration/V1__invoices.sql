-- Invoices, their lines, tax rates, numbering, tenant signing keys, and the replica of customers this service invoices.

create table tax_rates (
    id            uuid         primary key,
    tenant_id     uuid,
    name          text         not null,
    kind          text         not null check (kind in ('VAT', 'WHT')),
    percent       numeric(7,4) not null check (percent >= 0 and percent <= 100),
    vat_category  text
);
create index tax_rates_tenant on tax_rates (tenant_id);

-- System rates: immutable, visible to every tenant.
insert into tax_rates (id, tenant_id, name, kind, percent, vat_category) values
    ('00000000-0000-7000-8000-000000000075', null, 'VAT 7.5%',        'VAT', 7.5, 'S'),
    ('00000000-0000-7000-8000-000000000000', null, 'VAT zero-rated',  'VAT', 0,   'Z'),
    ('00000000-0000-7000-8000-0000000000e0', null, 'VAT exempt',      'VAT', 0,   'E'),
    ('00000000-0000-7000-8000-000000000005', null, 'WHT 5%',          'WHT', 5,   null),
    ('00000000-0000-7000-8000-000000000010', null, 'WHT 10%',         'WHT', 10,  null);

create table invoices (
    id                 uuid         primary key,
    tenant_id          uuid         not null,
    invoice_number     text         not null,
    customer_id        uuid         not null,
    customer_name      text,
    customer_tin       text,
    customer_email     text,
    status             text         not null,
    currency           char(3)      not null,
    issue_date         date         not null,
    due_date           date         not null,
    notes              text,
    subtotal_kobo      bigint       not null,
    tax_total_kobo     bigint       not null,
    total_kobo         bigint       not null,
    amount_due_kobo    bigint       not null,
    irn                text,
    digital_signature  text,
    public_token       uuid         not null,
    test_mode          boolean      not null default false,
    finalized_at       timestamptz,
    firs_submitted_at  timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    constraint invoices_number_unique unique (tenant_id, invoice_number)
);
-- Keyset pagination: newest first within a tenant (ids are UUIDv7, so id order is creation order).
create index invoices_tenant_id on invoices (tenant_id, id desc);
create unique index invoices_irn_unique on invoices (irn) where irn is not null;
create unique index invoices_public_token on invoices (public_token);

create table invoice_lines (
    id                uuid          primary key,
    invoice_id        uuid          not null references invoices (id) on delete cascade,
    position          integer       not null,
    description       text          not null,
    quantity          numeric(18,4) not null,
    unit_price_kobo   bigint        not null,
    discount_percent  numeric(7,4)  not null,
    tax_rate_id       uuid          not null references tax_rates (id),
    tax_percent       numeric(7,4)  not null,
    net_kobo          bigint        not null,
    tax_kobo          bigint        not null,
    total_kobo        bigint        not null
);
create index invoice_lines_invoice on invoice_lines (invoice_id, position);

-- One counter per tenant and year; the upsert that bumps it serializes concurrent creates.
create table invoice_number_counters (
    tenant_id   uuid     not null,
    year        integer  not null,
    last_value  bigint   not null,
    primary key (tenant_id, year)
);

create table tenant_signing_keys (
    tenant_id    uuid         primary key,
    kid          text         not null,
    public_key   bytea        not null,
    private_key  bytea        not null,
    created_at   timestamptz  not null
);

-- This service's copy of customers (from risiti.customers.v1), for the snapshot every invoice carries.
create table known_customers (
    id          uuid         primary key,
    tenant_id   uuid         not null,
    name        text         not null,
    email       text,
    tin         text,
    deleted     boolean      not null default false,
    updated_at  timestamptz  not null
);
