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
