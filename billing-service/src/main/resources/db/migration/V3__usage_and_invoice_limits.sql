-- Invoices a month per plan (our choice where seed 002 gives no numbers; docs/specification.md, Billing): null = unlimited.
alter table plans add column invoices_per_month integer;
update plans set invoices_per_month = case slug when 'free' then 50 when 'starter' then 500 when 'growth' then 5000 end;

-- API-key calls per tenant, world and UTC day, from every service replica's api_calls.metered events (each applied once:
-- the consumer's inbox and this upsert share a transaction). What is charged is decided from the count before and after.
create table api_usage_days (
    tenant_id  uuid    not null,
    test_mode  boolean not null,
    day        date    not null,
    calls      bigint  not null,
    primary key (tenant_id, test_mode, day)
);
