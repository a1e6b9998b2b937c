-- The tables one invoice create writes, shaped as invoice-service's (indexes and constraints included), in a scratch
-- database: what PostgreSQL can do with the same durable work is the reference the API is measured against.
create table invoice_number_counters (
    tenant_id uuid not null, test_mode boolean not null, year integer not null, last_value bigint not null,
    primary key (tenant_id, test_mode, year));
create table invoices (
    id uuid primary key, tenant_id uuid not null, invoice_number text not null, customer_id uuid not null, customer_name text,
    customer_tin text, customer_email text, status text not null, currency char(3) not null, issue_date date not null,
    due_date date not null, notes text, subtotal_kobo bigint not null, tax_total_kobo bigint not null, total_kobo bigint not null,
    amount_due_kobo bigint not null, irn text, digital_signature text, public_token uuid not null, test_mode boolean not null,
    finalized_at timestamptz, firs_submitted_at timestamptz, created_at timestamptz not null, updated_at timestamptz not null,
    version bigint not null default 0, constraint invoices_number_unique unique (tenant_id, test_mode, invoice_number));
create index invoices_tenant_id on invoices (tenant_id, test_mode, id desc);
create unique index invoices_public_token on invoices (public_token);
create table invoice_lines (
    id uuid primary key, invoice_id uuid not null references invoices (id) on delete cascade, position integer not null,
    description text not null, quantity numeric(18,4) not null, unit_price_kobo bigint not null, discount_percent numeric(7,4) not null,
    tax_rate_id uuid not null, tax_percent numeric(7,4) not null, net_kobo bigint not null, tax_kobo bigint not null,
    total_kobo bigint not null);
create index invoice_lines_invoice on invoice_lines (invoice_id, position);
create table outbox_aggregate_versions (aggregate text primary key, version bigint not null);
create table outbox_events (
    seq bigserial not null, id uuid primary key, topic text not null, partition_key text not null, type text not null,
    source text not null, subject text, tenant_id uuid, occurred_at timestamptz not null, data text not null,
    published_at timestamptz, aggregate_version bigint not null default 0, test_mode boolean, attempts integer not null default 0,
    last_error text, next_attempt_at timestamptz, parked_at timestamptz);
create index outbox_events_unpublished on outbox_events (seq) where published_at is null;
