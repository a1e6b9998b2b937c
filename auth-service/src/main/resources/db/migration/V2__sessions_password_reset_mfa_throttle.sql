-- Issue 3: refresh/logout, login throttling, password reset, MFA.

-- Who vouches for the account: null = a password account; 'google' / 'microsoft' for OAuth-created accounts (their
-- password_hash is null, and password login answers 400 OAUTH_ACCOUNT).
alter table users add column oauth_provider text check (oauth_provider in ('google', 'microsoft'));
-- TOTP secrets are AES-256-GCM ciphertexts (never plaintext): `mfa_secret` once enrollment is verified,
-- `mfa_pending_secret` between POST /auth/mfa/setup and the first valid code. `mfa_last_step` is the last accepted
-- 30-second step, so one code cannot be used twice.
alter table users add column mfa_secret bytea;
alter table users add column mfa_pending_secret bytea;
alter table users add column mfa_last_step bigint;

-- One-time MFA backup codes: only a keyed hash (HMAC-SHA-256 under a key derived from the encryption key), so a
-- database leak alone cannot brute-force the short codes.
create table mfa_backup_codes (
    id          uuid         primary key,
    user_id     uuid         not null references users (id),
    code_hash   text         not null unique,
    created_at  timestamptz  not null,
    used_at     timestamptz
);
create index mfa_backup_codes_user on mfa_backup_codes (user_id);

-- A password-verified login waiting for its second factor. The opaque mfa_token is stored as SHA-256; it is
-- single-use, short-lived, and burned after a few wrong codes.
create table mfa_challenges (
    id          uuid         primary key,
    user_id     uuid         not null references users (id),
    token_hash  text         not null unique,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    attempts    integer      not null default 0,
    user_agent  text,
    ip_address  text
);

-- Password-reset tokens: SHA-256 of the emailed token, single use, one hour.
create table password_reset_tokens (
    id          uuid         primary key,
    user_id     uuid         not null references users (id),
    token_hash  text         not null unique,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index password_reset_tokens_user on password_reset_tokens (user_id) where used_at is null;

-- Failed password logins per (email, client IP), in the database so every replica sees the same count.
create table login_failures (
    id            uuid         primary key,
    throttle_key  text         not null,
    failed_at     timestamptz  not null
);
create index login_failures_key on login_failures (throttle_key, failed_at);
