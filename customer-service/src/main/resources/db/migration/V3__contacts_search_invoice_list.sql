-- People at a customer (an accounts-payable contact to copy on invoices), listed on the customer.
create table customer_contacts (
    id           uuid         primary key,
    customer_id  uuid         not null references customers (id),
    name         text         not null,
    email        text         not null,
    phone        text,
    role         text,
    created_at   timestamptz  not null
);
create index customer_contacts_customer on customer_contacts (customer_id, id);

-- Search matches name, email or TIN anywhere in them, case-insensitively, through a trigram index, so a tenant with
-- 100,000 customers is never scanned row by row. pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
alter table customers add column search_text text
    generated always as (lower(name || ' ' || email || ' ' || coalesce(tin, ''))) stored;
-- fastupdate off: customers are written far less often than searched, so each write updates the index itself instead
-- of queueing in a pending list that every search would scan until vacuum merges it (bench/README.md).
create index customers_search on customers using gin (search_text gin_trgm_ops) with (fastupdate = off) where deleted_at is null;

-- A customer's invoices are listed from the invoice events too: what each row shows.
alter table customer_invoices add column invoice_number text;
alter table customer_invoices add column currency char(3);
alter table customer_invoices add column total_amount_kobo bigint;
alter table customer_invoices add column issue_date date;
alter table customer_invoices add column due_date date;
create index customer_invoices_listing on customer_invoices (customer_id, invoice_id desc);

-- Find-or-create matches a live customer by email (stored lower-cased), and a search with an @ is an email's
-- beginning: text_pattern_ops serves both the equality and the prefix LIKE.
create index customers_email on customers (tenant_id, test_mode, email text_pattern_ops) where deleted_at is null;
