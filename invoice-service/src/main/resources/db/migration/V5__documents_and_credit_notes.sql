-- Documents (issue 11): what the UBL, the NRS payload and the PDF need that invoices did not keep, and credit notes.

-- A credit note is an invoice row of type credit_note, linked to the invoice it credits. credited_kobo is how much of
-- an invoice credit notes have taken so far: the row's own lock serializes concurrent credit notes against it.
alter table invoices
    add column type                 text    not null default 'INVOICE' check (type in ('INVOICE', 'CREDIT_NOTE')),
    add column original_invoice_id  uuid    references invoices (id),
    add column credit_reason        text,
    add column credited_kobo        bigint  not null default 0 check (credited_kobo >= 0),
    add column customer_phone       text,
    add column customer_street      text,
    add column customer_city        text,
    add column customer_postal_zone text,
    add column customer_country     char(2),
    add column qr_payload           text,
    -- the supplier as it was when the document was finalized: a legal document does not change with later settings
    add column supplier_name        text,
    add column supplier_tin         text,
    add column supplier_address     text,
    add column supplier_email       text;
alter table invoices add constraint invoices_credit_within_total check (credited_kobo <= total_kobo);
create index invoices_original on invoices (original_invoice_id) where original_invoice_id is not null;

-- Each line keeps its VAT category (S, Z, E: from its rate, as UBL and NRS classify it) and NRS's item codes.
alter table invoice_lines
    add column vat_category      text not null default 'S' check (vat_category in ('S', 'Z', 'E')),
    add column hsn_code          text,
    add column product_category  text;
update invoice_lines l set vat_category = r.vat_category from tax_rates r where r.id = l.tax_rate_id and r.vat_category is not null;

-- The supplier party of every document, and the plan that gates documents until entitlements are published.
alter table known_tenants
    add column address        text,
    add column contact_email  text,
    add column logo_url       text,
    add column invoice_footer text,
    add column plan_slug      text,
    add column default_hsn_code         text,
    add column default_product_category text;

alter table known_customers
    add column phone        text,
    add column street_name  text,
    add column city_name    text,
    add column postal_zone  text,
    add column country      char(2);

-- Credit notes are numbered in their own series (CN-YYYY-NNN), so the counter is per series as well.
alter table invoice_number_counters add column series text not null default 'invoice';
alter table invoice_number_counters drop constraint invoice_number_counters_pkey;
alter table invoice_number_counters add primary key (tenant_id, test_mode, year, series);

drop function next_invoice_number(uuid, boolean, integer, text);
create function next_invoice_number(p_tenant uuid, p_test boolean, p_year integer, p_prefix text, p_series text) returns text
language plpgsql as $$
declare
    value     bigint;
    candidate text;
begin
    loop
        insert into invoice_number_counters as c (tenant_id, test_mode, year, series, last_value) values (p_tenant, p_test, p_year, p_series, 1)
        on conflict (tenant_id, test_mode, year, series) do update set last_value = c.last_value + 1
        returning last_value into value;
        -- INV-2025-001, ... INV-2025-999, INV-2025-1000: at least three digits, never cut
        candidate := p_prefix || p_year || '-' || lpad(value::text, greatest(3, length(value::text)), '0');
        exit when not exists (
            select 1 from invoices where tenant_id = p_tenant and test_mode = p_test and invoice_number = candidate);
    end loop;
    return candidate;
end $$;
