-- A tenant's own NRS credentials (live submissions use them; test mode uses the platform's sandbox ones).
-- Secrets are AES-256-GCM boxes (platform SecretBox, bound to tenant and field); only their last 4 characters are kept clear.
create table nrs_credentials (
    tenant_id         uuid         primary key,
    api_key           bytea,
    api_key_last4     text,
    api_secret        bytea,
    api_secret_last4  text,
    public_key        bytea,
    certificate       bytea,
    service_id        text,
    business_id       text,
    verified_at       timestamptz,
    updated_at        timestamptz  not null
);

-- The other integrations the settings page lists (Xero, QuickBooks, WhatsApp): their state and non-secret settings.
create table integration_connections (
    tenant_id   uuid         not null,
    name        text         not null,
    connected   boolean      not null,
    settings    text         not null default '{}',
    updated_at  timestamptz  not null,
    primary key (tenant_id, name)
);
