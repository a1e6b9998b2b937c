-- The books (issue 16): a double-entry journal. Entries are posted from invoice-service's own events and from expenses;
-- each entry's lines balance to the kobo, which the database checks at commit (a deferred constraint trigger), and
-- nothing is ever updated or deleted: a correction is a reversing entry.

-- The chart of accounts: system accounts keyed by code, the same for every tenant (a tenant's balances are its lines).
create table ledger_accounts (
    code      text  primary key,
    name      text  not null,
    -- asset and expense balances are debits, liability and income balances credits
    kind      text  not null check (kind in ('asset', 'liability', 'income', 'expense')),
    position  int   not null unique
);
insert into ledger_accounts (code, name, kind, position) values
    ('1000', 'Bank', 'asset', 10),
    ('1010', 'Cash', 'asset', 20),
    ('1100', 'Trade Debtors', 'asset', 30),
    ('1200', 'WHT Receivable', 'asset', 40),
    ('1300', 'Input VAT', 'asset', 50),
    ('2100', 'VAT Provision', 'liability', 60),
    ('2200', 'VAT Payable', 'liability', 70),
    ('2300', 'Customer Credit', 'liability', 80),
    ('4000', 'Revenue', 'income', 90),
    ('6000', 'Expenses: Rent', 'expense', 100),
    ('6010', 'Expenses: Utilities', 'expense', 110),
    ('6020', 'Expenses: Salaries', 'expense', 120),
    ('6030', 'Expenses: Transport', 'expense', 130),
    ('6040', 'Expenses: Supplies', 'expense', 140),
    ('6050', 'Expenses: Professional fees', 'expense', 150),
    ('6060', 'Expenses: Marketing', 'expense', 160),
    ('6070', 'Expenses: Bank charges', 'expense', 170),
    ('6080', 'Expenses: Equipment', 'expense', 180),
    ('6090', 'Expenses: Other', 'expense', 190);

create table journal_entries (
    id                 uuid         primary key,
    tenant_id          uuid         not null,
    test_mode          boolean      not null,
    entry_date         date         not null,
    source_type        text         not null check (source_type in ('invoice_finalized', 'payment', 'void', 'credit_note', 'expense')),
    -- the payment, credit note, invoice (finalize, void) or expense posting the entry comes from
    source_id          uuid         not null,
    -- the invoice whose open balances (debtors, VAT provision) the entry moves; the expense it records
    invoice_id         uuid,
    expense_id         uuid,
    reverses_entry_id  uuid         references journal_entries (id),
    memo               text         not null,
    created_at         timestamptz  not null,
    -- the same source event applied twice posts once
    constraint journal_entries_source_unique unique (tenant_id, test_mode, source_type, source_id)
);
create index journal_entries_tenant_date on journal_entries (tenant_id, test_mode, entry_date, id);
create index journal_entries_tenant_id on journal_entries (tenant_id, test_mode, id desc);
create index journal_entries_invoice on journal_entries (invoice_id) where invoice_id is not null;

create table journal_lines (
    entry_id      uuid    not null references journal_entries (id),
    position      int     not null,
    account_code  text    not null references ledger_accounts (code),
    debit_kobo    bigint  not null check (debit_kobo >= 0),
    credit_kobo   bigint  not null check (credit_kobo >= 0),
    -- a line is a debit or a credit, never both, never nothing
    constraint journal_lines_one_side check ((debit_kobo > 0) <> (credit_kobo > 0)),
    primary key (entry_id, position)
);

-- Checked at commit, once every line of the entry is in: at least two lines, debits = credits.
create function journal_entry_must_balance(entry uuid) returns void language plpgsql as $$
declare
    debits  bigint;
    credits bigint;
    lines   int;
begin
    select coalesce(sum(debit_kobo), 0), coalesce(sum(credit_kobo), 0), count(*) into debits, credits, lines
        from journal_lines where entry_id = entry;
    if lines < 2 or debits <> credits then
        raise exception 'journal entry % does not balance: debits % kobo, credits % kobo over % lines', entry, debits, credits, lines
            using errcode = '23514';
    end if;
end $$;

create function journal_entries_balanced() returns trigger language plpgsql as $$
begin
    perform journal_entry_must_balance(new.id);
    return null;
end $$;

create function journal_lines_balanced() returns trigger language plpgsql as $$
begin
    perform journal_entry_must_balance(new.entry_id);
    return null;
end $$;

create constraint trigger journal_entries_balance after insert on journal_entries
    deferrable initially deferred for each row execute function journal_entries_balanced();
create constraint trigger journal_lines_balance after insert on journal_lines
    deferrable initially deferred for each row execute function journal_lines_balanced();

-- Append-only: corrections are reversing entries.
create function journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the journal is append-only: post a reversing entry instead of changing %', tg_table_name using errcode = '42501';
end $$;
create trigger journal_entries_append_only before update or delete on journal_entries
    for each statement execute function journal_is_append_only();
create trigger journal_lines_append_only before update or delete on journal_lines
    for each statement execute function journal_is_append_only();
