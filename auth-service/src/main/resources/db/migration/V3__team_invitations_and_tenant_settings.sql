-- Team (issue 3): members are removed softly, so sessions, API keys and audit rows that name them keep their
-- references; a removed member's email is free again (the unique index only covers current members).
alter table users add column removed_at timestamptz;
drop index users_email_key;
create unique index users_email_key on users (email) where removed_at is null;

-- An invitation to join a tenant with a role. The token travels only in the invitation mail; only its SHA-256 is
-- stored. Inviting the same email again revokes the pending invitation (a resend), hence one pending per email.
create table invitations (
    id                uuid         primary key,
    tenant_id         uuid         not null references tenants (id),
    email             text         not null,
    role              text         not null check (role in ('admin', 'accountant', 'member', 'readonly')),
    token_hash        text         not null unique,
    invited_by        uuid         not null references users (id),
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    accepted_at       timestamptz,
    accepted_user_id  uuid         references users (id),
    revoked_at        timestamptz
);
create unique index invitations_one_pending on invitations (tenant_id, email) where accepted_at is null and revoked_at is null;
create index invitations_tenant_pending on invitations (tenant_id, id) where accepted_at is null and revoked_at is null;

-- The tenant's profile beyond name and TIN (which stay on tenants) and its invoice defaults. A tenant without a
-- row has the defaults below; the row is created by the first PATCH.
create table tenant_settings (
    tenant_id              uuid         primary key references tenants (id),
    address                text,
    contact_email          text,
    logo_url               text,
    nrs_service_id         text         check (nrs_service_id ~ '^[A-Za-z0-9]{8}$'),
    nrs_business_id        uuid,
    invoice_number_prefix  text         not null default 'INV' check (invoice_number_prefix ~ '^[A-Za-z0-9-]{1,10}$'),
    payment_terms_days     integer      not null default 30 check (payment_terms_days between 0 and 365),
    invoice_footer         text,
    invoice_logo_url       text,
    updated_at             timestamptz  not null
);
