-- Expenses (issue 16): what a tenant spent, so the reports' expenses and input VAT mean something. Each expense's
-- current posting is journal_entry_id; a change of its amounts or a delete reverses that entry (and posts a new one).
create table expenses (
    id                  uuid         primary key,
    tenant_id           uuid         not null,
    test_mode           boolean      not null,
    expense_date        date         not null,
    supplier            text         not null,
    category            text         not null,
    -- net of VAT: what the expense account takes; vat_kobo is the input VAT beside it
    amount_kobo         bigint       not null check (amount_kobo > 0),
    vat_kobo            bigint       not null check (vat_kobo >= 0),
    payment_means_code  text         not null check (payment_means_code in ('1', '10', '20', '30', '48', '49', '68')),
    reference           text,
    notes               text,
    journal_entry_id    uuid         references journal_entries (id),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    deleted_at          timestamptz,
    version             bigint       not null default 0
);
create index expenses_tenant_id on expenses (tenant_id, test_mode, id desc) where deleted_at is null;
