with counter as (
    insert into invoice_number_counters (tenant_id, test_mode, year, last_value) values (:tenant, false, 2026, 1)
    on conflict (tenant_id, test_mode, year) do update set last_value = invoice_number_counters.last_value + 1
    returning last_value),
invoice as (
    insert into invoices (id, tenant_id, invoice_number, customer_id, customer_name, customer_tin, customer_email, status, currency,
        issue_date, due_date, subtotal_kobo, tax_total_kobo, total_kobo, amount_due_kobo, public_token, test_mode, created_at, updated_at)
    select gen_random_uuid(), :tenant, 'INV-2026-' || lpad(last_value::text, greatest(3, length(last_value::text)), '0'), gen_random_uuid(), 'Customer 1 Ltd',
        '12345678-0001', 'c1@bench.ng', 'DRAFT', 'NGN', current_date, current_date + 30, 40250150, 3018761, 43268911, 43268911,
        gen_random_uuid(), false, now(), now()
    from counter
    returning id, invoice_number),
lines as (
    insert into invoice_lines (id, invoice_id, position, description, quantity, unit_price_kobo, discount_percent, tax_rate_id,
        tax_percent, net_kobo, tax_kobo, total_kobo)
    select gen_random_uuid(), invoice.id, n, 'Line ' || n, 10, 3500000, 0, '00000000-0000-7000-8000-000000000075', 7.5, 35000000,
        2625000, 37625000
    from invoice, generate_series(0, 2) as n),
version as (
    insert into outbox_aggregate_versions (aggregate, version) select id::text, 1 from invoice
    on conflict (aggregate) do update set version = outbox_aggregate_versions.version + 1
    returning version)
insert into outbox_events (id, topic, partition_key, type, source, subject, tenant_id, test_mode, occurred_at, data, aggregate_version)
select gen_random_uuid(), 'risiti.invoices.v1', invoice.id::text, 'invoice.created', '/risiti/invoice-service', invoice.id::text,
    :tenant, false, now(),
    '{"invoice_id":"' || invoice.id || '","tenant_id":"' || :tenant || '","invoice_number":"' || invoice.invoice_number
        || '","status":"draft","customer_id":"0192f7a0-0000-7000-8000-000000000001","customer_name":"Customer 1 Ltd","customer_tin":"12345678-0001","currency":"NGN","issue_date":"2026-11-25","due_date":"2026-12-25","subtotal":"402501.50","subtotal_kobo":40250150,"tax_total":"30187.61","tax_total_kobo":3018761,"total_amount":"432689.11","total_amount_kobo":43268911,"amount_due":"432689.11","amount_due_kobo":43268911,"irn":null,"test_mode":false,"finalized_at":null}',
    version.version
from invoice, version
