-- Customers of each tenant, and the invoice figures (from risiti.invoices.v1) their responses show.

create table customers (
    id                   uuid         primary key,
    tenant_id            uuid         not null,
    name                 text         not null,
    email                text         not null,
    phone                text,
    tin                  text,
    street_name          text,
    city_name            text,
    postal_zone          text,
    country              char(2),
    currency             char(3)      not null,
    notes                text,
    test_mode            boolean      not null default false,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    deleted_at           timestamptz
);
create index customers_tenant_id on customers (tenant_id, id desc) where deleted_at is null;

-- Latest state of each invoice per customer; upserted by invoice id, so redelivered events change nothing.
create table customer_invoices (
    invoice_id       uuid         primary key,
    tenant_id        uuid         not null,
    customer_id      uuid         not null,
    status           text         not null,
    amount_due_kobo  bigint       not null
);
create index customer_invoices_customer on customer_invoices (customer_id);
