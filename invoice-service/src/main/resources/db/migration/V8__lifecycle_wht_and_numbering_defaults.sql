-- Invoice lifecycle (issue 12): withholding tax shown per invoice, soft-deleted drafts, voids, the overdue flag, and the
-- tenant's invoice defaults that numbering and clones use.

alter table invoices
    -- WHT is deducted by the payer on the VAT-exclusive subtotal: shown on the invoice, never part of its total
    add column wht_rate_id  uuid         references tax_rates (id),
    add column wht_percent  numeric(7,4) check (wht_percent >= 0 and wht_percent <= 100),
    add column wht_kobo     bigint       not null default 0 check (wht_kobo >= 0),
    -- a deleted draft vanishes from the API but keeps its row, so its number stays taken
    add column deleted_at   timestamptz,
    add column voided_at    timestamptz,
    -- set once, by the overdue job, in the transaction that emits invoice.overdue: the flag is the event's "once"
    add column overdue_at   timestamptz;
alter table invoices add constraint invoices_wht_rate_and_percent check ((wht_rate_id is null) = (wht_percent is null));

-- What the overdue job scans: open invoices not yet flagged, by due date. Small: flagged, paid and cancelled ones leave it.
create index invoices_overdue_candidates on invoices (due_date)
    where overdue_at is null and deleted_at is null and status in ('FINALIZED', 'SENT', 'PARTIAL');

-- The tenant's invoice defaults (risiti.tenants.v1 invoice_defaults): the number series' prefix and the payment terms
-- a clone's due date is counted with. Null until the tenant's next event reaches this service: INV and the original's terms.
alter table known_tenants
    add column number_prefix      text,
    add column payment_terms_days integer;
