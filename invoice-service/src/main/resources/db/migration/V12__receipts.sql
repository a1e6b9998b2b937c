-- Receipts (issue 16): every payment is a receipt with its own number, RCT-YYYY-NNN per tenant, world and year
-- (Africa/Lagos), from the same counters as invoice and credit-note numbers (series 'receipt').

alter table payments add column receipt_number text;

-- payments recorded before receipts existed are numbered in the order they were recorded
with numbered as (
    select id, extract(year from created_at at time zone 'Africa/Lagos')::integer as year,
           row_number() over (partition by tenant_id, test_mode, extract(year from created_at at time zone 'Africa/Lagos')
                              order by created_at, id) as n
    from payments)
update payments p set receipt_number = 'RCT-' || numbered.year || '-' || lpad(numbered.n::text, greatest(3, length(numbered.n::text)), '0')
from numbered where p.id = numbered.id;

insert into invoice_number_counters (tenant_id, test_mode, year, series, last_value)
select tenant_id, test_mode, extract(year from created_at at time zone 'Africa/Lagos')::integer, 'receipt', count(*)
from payments group by 1, 2, 3;

alter table payments alter column receipt_number set not null;
create unique index payments_receipt_number on payments (tenant_id, test_mode, receipt_number);

create function next_receipt_number(p_tenant uuid, p_test boolean, p_year integer) returns text
language plpgsql as $$
declare
    value bigint;
begin
    insert into invoice_number_counters as c (tenant_id, test_mode, year, series, last_value) values (p_tenant, p_test, p_year, 'receipt', 1)
    on conflict (tenant_id, test_mode, year, series) do update set last_value = c.last_value + 1
    returning last_value into value;
    -- RCT-2026-001, ... RCT-2026-999, RCT-2026-1000: at least three digits, never cut
    return 'RCT-' || p_year || '-' || lpad(value::text, greatest(3, length(value::text)), '0');
end $$;
