-- Subscription lifecycle (docs/specification.md, Billing): changes scheduled for the end of the period, cancellation,
-- renewals that charge the saved card; and checkouts for invoices' public pay pages.

-- A downgrade or cycle change waits for the period's end; cancel_at_period_end ends the subscription then (Free).
alter table subscriptions add column scheduled_plan_slug text references plans (slug);
alter table subscriptions add column scheduled_billing_cycle text check (scheduled_billing_cycle in ('monthly', 'annual'));
alter table subscriptions add column cancel_at_period_end boolean not null default false;
-- When the renewal job next looks at the subscription (the period's end, then each retry after a decline), and how many
-- declined charges this period has had: the attempt is part of the charge's reference, so a restart mid-renewal asks
-- Paystack again with the same reference (refused as a duplicate, then verified) and never charges twice.
alter table subscriptions add column next_renewal_at timestamptz;
alter table subscriptions add column renewal_attempts integer not null default 0;
alter table subscriptions add column renewal_lease_until timestamptz;
update subscriptions set next_renewal_at = current_period_end;
create index subscriptions_due on subscriptions (next_renewal_at) where status in ('active', 'past_due');

-- Renewals are recorded as checkouts too (the billing history shows them); invoice payments name the invoice.
alter table paystack_checkouts drop constraint paystack_checkouts_purpose_check;
alter table paystack_checkouts add constraint paystack_checkouts_purpose_check
    check (purpose in ('subscription', 'credit_top_up', 'renewal', 'invoice_payment'));
alter table paystack_checkouts add column invoice_id uuid;
alter table paystack_checkouts alter column authorization_url drop not null;
