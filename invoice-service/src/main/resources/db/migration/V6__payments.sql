-- Payments (issue 12): money received against an invoice, recorded by hand or matched from a bank transfer.
-- The invoice's amount_due_kobo is what payments and credit notes leave; its row lock serializes concurrent payments.

create table payments (
    id                  uuid         primary key,
    tenant_id           uuid         not null,
    test_mode           boolean      not null,
    invoice_id          uuid         not null references invoices (id),
    amount_kobo         bigint       not null check (amount_kobo > 0),
    -- UBL 2.1 payment means code (UNCL4461), as the UBL and NRS documents carry it
    payment_means_code  text         not null check (payment_means_code in ('1', '10', '20', '30', '48', '49', '68')),
    reference           text,
    notes               text,
    -- the day the money arrived (Africa/Lagos), as the payer's bank or the tenant states it
    paid_on             date         not null,
    created_at          timestamptz  not null
);
-- A bank reference is recorded once per tenant and world: the same transfer is never counted twice.
create unique index payments_reference_unique on payments (tenant_id, test_mode, reference) where reference is not null;
-- Keyset pagination, newest first (ids are UUIDv7); and an invoice's own payments in one indexed select.
create index payments_tenant_id on payments (tenant_id, test_mode, id desc);
create index payments_invoice on payments (invoice_id, id);

-- What the invoice's row lock guarantees, kept by the database too: an amount due never falls below zero.
alter table invoices add constraint invoices_amount_due_not_negative check (amount_due_kobo >= 0);
