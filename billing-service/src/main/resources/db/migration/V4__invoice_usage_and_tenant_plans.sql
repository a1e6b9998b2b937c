-- Invoices created per tenant, world and UTC month, counted from invoice-service's invoice.created events (each once:
-- the consumer's inbox and this upsert share a transaction), for GET /billing/usage.
create table invoice_usage_months (
    tenant_id  uuid    not null,
    test_mode  boolean not null,
    month      date    not null,
    invoices   bigint  not null,
    primary key (tenant_id, test_mode, month)
);

-- The plan auth-service gives each tenant (risiti.tenants.v1): what an operator set (Enterprise) or the tenant chose at
-- registration, and what a paid subscription.upgraded made it. Entitlements use a live subscription's plan first.
create table tenant_plans (
    tenant_id  uuid    primary key,
    plan_slug  text    not null,
    version    bigint  not null
);
