-- Credit notes (invoice-service, issue 11) arrive on the same topic as invoices: they are not invoices to count, and
-- what one credits beyond its invoice's amount due is the customer's credit balance.
alter table customer_invoices
    add column type                 text    not null default 'invoice',
    add column customer_credit_kobo bigint  not null default 0;
