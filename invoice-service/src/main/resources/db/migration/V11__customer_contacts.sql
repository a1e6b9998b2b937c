-- Invoices sent by email go to the customer's contacts too: the replica keeps their addresses as customer-service
-- publishes them (customer.updated on every contact added or removed). Rows replicated before have none until the
-- customer's next event.
alter table known_customers add column contact_emails text[] not null default '{}';
