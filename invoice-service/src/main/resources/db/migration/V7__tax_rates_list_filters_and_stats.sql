-- Issue 12: tenants' own tax rates, the invoice list's filters, and the figures of GET /invoices/stats.

-- Tax rates: a tenant's own are per world (test mode is a separate world), named once per tenant and world, and
-- deleted softly: a line keeps the rate it was priced with (its percent and category are copied onto it), and the rows
-- stay for the data export. System rates (no tenant) are immutable; a rate's category must be one its rate can have
-- (EN 16931: standard-rated above 0 %, zero-rated and exempt at 0 %; WHT has none).
alter table tax_rates
    add column test_mode   boolean      not null default false,
    add column created_at  timestamptz  not null default now(),
    add column updated_at  timestamptz  not null default now(),
    add column deleted_at  timestamptz;
alter table tax_rates add constraint tax_rates_category check (
    (kind = 'VAT' and ((vat_category = 'S' and percent > 0) or (vat_category in ('Z', 'E') and percent = 0)))
    or (kind = 'WHT' and vat_category is null));
drop index tax_rates_tenant;
create index tax_rates_tenant on tax_rates (tenant_id, test_mode, id) where tenant_id is not null and deleted_at is null;
create unique index tax_rates_name_unique on tax_rates (tenant_id, test_mode, lower(name)) where tenant_id is not null and deleted_at is null;
-- "is this rate on any invoice line?" for a tenant's rate. System rates (ids 00000000-0000-7000-8000-0000000000xx) are
-- on almost every line and are never deleted, so only lines priced with a tenant's own rate are indexed: creates of
-- invoices at the standard VAT pay nothing for it.
create index invoice_lines_tenant_tax_rate on invoice_lines (tax_rate_id)
    where tax_rate_id > '00000000-0000-7000-8000-000000000fff';

-- The invoice list's filters (GET /invoices), at 100,000 invoices a tenant; each list is newest first (id desc).
-- status = x: that status's invoices newest first, and the live count of drafts the stats need.
create index invoices_tenant_status on invoices (tenant_id, test_mode, status, id desc);
-- status = overdue, and the overdue total: open invoices only (few, and none of them drafts, so creates pay nothing).
create index invoices_tenant_open on invoices (tenant_id, test_mode, id desc) include (due_date, amount_due_kobo)
    where type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL') and amount_due_kobo > 0;
-- customer_id = x: a customer id belongs to one tenant and world, so the id alone finds its invoices.
create index invoices_customer on invoices (customer_id, id desc);
-- from / to (issue date), and this month's figures (from the index alone where its pages are all-visible).
create index invoices_tenant_issue_date on invoices (tenant_id, test_mode, issue_date) include (type, status, total_kobo, credited_kobo);
-- q: an invoice number's beginning, whatever its case (custom numbers are the tenant's own spelling).
create index invoices_tenant_number_prefix on invoices (tenant_id, test_mode, lower(invoice_number) text_pattern_ops);
-- type = credit_note: credit notes are few among invoices.
create index invoices_tenant_credit_notes on invoices (tenant_id, test_mode, id desc) where type = 'CREDIT_NOTE';

-- q: a customer's name, anywhere in it, through this service's replica of customers (few rows, rarely written).
create extension if not exists pg_trgm;
create index known_customers_tenant on known_customers (tenant_id, test_mode);
create index known_customers_name on known_customers using gin (lower(name) gin_trgm_ops) with (fastupdate = off);

-- GET /invoices/stats without reading every invoice: per tenant, world and status, how many invoices (not credit
-- notes, not drafts) there are, what they invoiced net of credit notes, and what is still due on them. A trigger
-- appends each change as a row of differences (so concurrent writes never wait for one another on a shared row, and
-- a create of a draft writes nothing here); a scheduled fold moves them into the totals. The figures are the totals
-- plus the changes not folded yet, read in one statement: exact at any moment.
create table invoice_status_totals (
    tenant_id   uuid     not null,
    test_mode   boolean  not null,
    status      text     not null,
    invoices    bigint   not null,
    net_kobo    bigint   not null,
    due_kobo    bigint   not null,
    primary key (tenant_id, test_mode, status)
);
create table invoice_status_changes (
    id          bigint   generated always as identity primary key,
    tenant_id   uuid     not null,
    test_mode   boolean  not null,
    status      text     not null,
    invoices    bigint   not null,
    net_kobo    bigint   not null,
    due_kobo    bigint   not null
);
create index invoice_status_changes_tenant on invoice_status_changes (tenant_id, test_mode);
-- A queue: every fold deletes what the trigger appended. The fold vacuums it after moving rows; should that be refused
-- (a role without the right), autovacuum takes over after a few thousand dead rows rather than a fifth of the table.
alter table invoice_status_changes set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);

create function invoice_status_change() returns trigger
language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.type = 'INVOICE' and old.status <> 'DRAFT' then
        insert into invoice_status_changes (tenant_id, test_mode, status, invoices, net_kobo, due_kobo)
        values (old.tenant_id, old.test_mode, old.status, -1, -(old.total_kobo - old.credited_kobo), -old.amount_due_kobo);
    end if;
    if tg_op <> 'DELETE' and new.type = 'INVOICE' and new.status <> 'DRAFT' then
        insert into invoice_status_changes (tenant_id, test_mode, status, invoices, net_kobo, due_kobo)
        values (new.tenant_id, new.test_mode, new.status, 1, new.total_kobo - new.credited_kobo, new.amount_due_kobo);
    end if;
    return null;
end $$;
create trigger invoices_status_insert after insert on invoices
    for each row when (new.type = 'INVOICE' and new.status <> 'DRAFT') execute function invoice_status_change();
create trigger invoices_status_update after update of status, total_kobo, credited_kobo, amount_due_kobo, type on invoices
    for each row when ((old.type = 'INVOICE' or new.type = 'INVOICE') and (old.status <> 'DRAFT' or new.status <> 'DRAFT')
        and (old.status, old.total_kobo, old.credited_kobo, old.amount_due_kobo, old.type)
            is distinct from (new.status, new.total_kobo, new.credited_kobo, new.amount_due_kobo, new.type))
    execute function invoice_status_change();
create trigger invoices_status_delete after delete on invoices
    for each row when (old.type = 'INVOICE' and old.status <> 'DRAFT') execute function invoice_status_change();

insert into invoice_status_totals (tenant_id, test_mode, status, invoices, net_kobo, due_kobo)
select tenant_id, test_mode, status, count(*), sum(total_kobo - credited_kobo), sum(amount_due_kobo)
from invoices where type = 'INVOICE' and status <> 'DRAFT'
group by tenant_id, test_mode, status;
