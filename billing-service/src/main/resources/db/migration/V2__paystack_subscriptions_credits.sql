-- Paystack checkouts, the subscriptions they pay for, and the API-credit wallet's ledger (docs/specification.md, Billing).

-- One Paystack transaction we initialized (our reference), and what it pays for. The webhook's amount is checked
-- against amount_kobo; purpose says what a successful charge does.
create table paystack_checkouts (
    reference          text         primary key,
    tenant_id          uuid         not null,
    test_mode          boolean      not null,
    purpose            text         not null check (purpose in ('subscription', 'credit_top_up')),
    plan_slug          text         references plans (slug),
    billing_cycle      text         check (billing_cycle in ('monthly', 'annual')),
    amount_kobo        bigint       not null check (amount_kobo > 0),
    currency           text         not null,
    email              text         not null,
    authorization_url  text         not null,
    status             text         not null check (status in ('pending', 'paid', 'failed', 'amount_mismatch')),
    failure_reason     text,
    created_at         timestamptz  not null,
    paid_at            timestamptz
);
create index paystack_checkouts_by_tenant on paystack_checkouts (tenant_id, test_mode, purpose, created_at desc, reference desc);

-- Every Paystack event taken, by its identity (event + id): the same event delivered twice, or twice at once, has one effect.
create table paystack_events (
    event_key    text         primary key,
    event        text         not null,
    reference    text,
    outcome      text         not null,
    received_at  timestamptz  not null
);

-- A tenant's paid subscription in one world; no row = Free.
create table subscriptions (
    tenant_id                    uuid         not null,
    test_mode                    boolean      not null,
    plan_slug                    text         not null references plans (slug),
    billing_cycle                text         not null check (billing_cycle in ('monthly', 'annual')),
    status                       text         not null check (status in ('active', 'past_due', 'cancelled')),
    current_period_start         timestamptz  not null,
    current_period_end           timestamptz  not null,
    last_reference               text         not null,
    paystack_customer_code       text,
    paystack_authorization_code  text,
    paystack_subscription_code   text,
    updated_at                   timestamptz  not null,
    primary key (tenant_id, test_mode)
);
create index subscriptions_by_authorization on subscriptions (paystack_authorization_code);
create index subscriptions_by_paystack_code on subscriptions (paystack_subscription_code);

-- The API-credit wallet: the balance is the sum of a tenant's entries, never a stored number. source_id names what
-- caused an entry (topup:<reference>, call:<id>, verification:<id>) once per tenant and world, so a retried charge or
-- a redelivered webhook cannot count twice.
create table credit_ledger (
    id           uuid         primary key,
    tenant_id    uuid         not null,
    test_mode    boolean      not null,
    kind         text         not null check (kind in ('top_up', 'trial_call', 'api_call', 'verification')),
    amount_kobo  bigint       not null,
    source_id    text         not null,
    description  text         not null,
    created_at   timestamptz  not null,
    unique (tenant_id, test_mode, source_id)
);
create index credit_ledger_recent on credit_ledger (tenant_id, test_mode, created_at desc, id desc);
