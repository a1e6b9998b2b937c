-- The next free invoice number of a tenant's world and year, in one statement: bumps the counter (its row lock makes
-- concurrent creates take distinct values) and skips numbers the tenant already used by hand. Called as the create's
-- last statement before its event, so the counter's lock is held as briefly as the commit allows.
create function next_invoice_number(p_tenant uuid, p_test boolean, p_year integer, p_prefix text) returns text
language plpgsql as $$
declare
    value     bigint;
    candidate text;
begin
    loop
        insert into invoice_number_counters as c (tenant_id, test_mode, year, last_value) values (p_tenant, p_test, p_year, 1)
        on conflict (tenant_id, test_mode, year) do update set last_value = c.last_value + 1
        returning last_value into value;
        -- INV-2025-001, ... INV-2025-999, INV-2025-1000: at least three digits, never cut
        candidate := p_prefix || p_year || '-' || lpad(value::text, greatest(3, length(value::text)), '0');
        exit when not exists (
            select 1 from invoices where tenant_id = p_tenant and test_mode = p_test and invoice_number = candidate);
    end loop;
    return candidate;
end $$;
