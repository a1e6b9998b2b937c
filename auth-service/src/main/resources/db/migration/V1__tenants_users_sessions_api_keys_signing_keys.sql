-- auth-service's own tables. Ids are UUIDv7 chosen by the application (time-ordered keyset pagination).

create table tenants (
    id             uuid         primary key,
    name           text         not null,
    tin            text,
    business_type  text         not null check (business_type in ('individual', 'sme', 'enterprise')),
    plan_slug      text         not null check (plan_slug in ('free', 'starter', 'growth', 'enterprise')),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table users (
    id             uuid         primary key,
    tenant_id      uuid         not null references tenants (id),
    email          text         not null,
    password_hash  text,        -- null for OAuth-only accounts (issue 3)
    first_name     text         not null,
    last_name      text         not null,
    role           text         not null check (role in ('owner', 'admin', 'accountant', 'member', 'readonly')),
    mfa_enabled    boolean      not null default false,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
-- Emails are stored lowercased by the application; one account per email across all tenants (login is by email).
create unique index users_email_key on users (email);
create index users_tenant on users (tenant_id);

-- One row per sign-in: the refresh-token family. The access token's `sid` claim names it, so logout and reuse
-- detection can revoke every token of the family at once.
create table sessions (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenants (id),
    user_id       uuid         not null references users (id),
    created_at    timestamptz  not null,
    last_used_at  timestamptz  not null,
    expires_at    timestamptz  not null,  -- sliding: moved forward by each refresh
    revoked_at    timestamptz,
    user_agent    text,
    ip_address    text
);
create index sessions_user on sessions (user_id) where revoked_at is null;

-- Refresh tokens are opaque random strings; only their SHA-256 is stored. A refresh marks the presented token
-- rotated and inserts its successor; presenting a rotated token again is reuse and revokes the session.
create table refresh_tokens (
    id           uuid         primary key,
    session_id   uuid         not null references sessions (id),
    token_hash   text         not null unique,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    rotated_at   timestamptz,
    replaced_by  uuid         references refresh_tokens (id)
);
create index refresh_tokens_session on refresh_tokens (session_id);

create table api_keys (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenants (id),
    created_by    uuid         references users (id),
    name          text         not null,
    key_hash      text         not null unique,
    prefix        text         not null,
    scopes        text[]       not null,
    test          boolean      not null default false,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    created_at    timestamptz  not null,
    revoked_at    timestamptz
);
create index api_keys_tenant_live on api_keys (tenant_id, id) where revoked_at is null;

-- RS256 keys that sign access tokens. Exactly one is active (the unique partial index makes two replicas racing
-- on first start agree on one); retired keys stay published in the JWKS until tokens signed by them expire.
create table signing_keys (
    kid          text         primary key,
    public_key   bytea        not null,  -- X.509 SubjectPublicKeyInfo (DER)
    private_key  bytea        not null,  -- PKCS#8 (DER)
    created_at   timestamptz  not null,
    active       boolean      not null,
    retired_at   timestamptz
);
create unique index signing_keys_one_active on signing_keys ((true)) where active;
