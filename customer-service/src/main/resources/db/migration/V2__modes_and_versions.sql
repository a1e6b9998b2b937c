-- Test mode is a separate world: customers are listed per mode. The invoice figures replica applies newer-wins by the
-- invoice events' aggregate version, so a redelivered or reordered old event never moves a figure back.

drop index customers_tenant_id;
create index customers_tenant_id on customers (tenant_id, test_mode, id desc) where deleted_at is null;

alter table customer_invoices add column version bigint not null default 0;
