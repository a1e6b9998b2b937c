-- Issue 3: sign-in with Google and Microsoft (OpenID Connect, authorization code + PKCE).

-- Which provider account vouches for which user. The provider's `sub` is the identity (emails change and, at
-- Microsoft, are not always verified); one provider account signs in to exactly one user.
create table oauth_links (
    id             uuid         primary key,
    user_id        uuid         not null references users (id),
    provider       text         not null check (provider in ('google', 'microsoft')),
    subject        text         not null,
    email          text,        -- as the provider last reported it, for support; never used to sign in
    created_at     timestamptz  not null,
    last_login_at  timestamptz  not null
);
create unique index oauth_links_subject on oauth_links (provider, subject);
create index oauth_links_user on oauth_links (user_id);

-- One row per started sign-in. The `state` travels through the browser; only its SHA-256 is stored. The PKCE
-- verifier and the nonce never leave the server. `binding_hash` is SHA-256 of a cookie set on the browser that
-- started the flow, so a callback URL carried to another browser (login CSRF) is refused. Single use: `used_at`.
create table oauth_states (
    id             uuid         primary key,
    provider       text         not null check (provider in ('google', 'microsoft')),
    state_hash     text         not null unique,
    binding_hash   text         not null,
    code_verifier  text         not null,
    nonce          text         not null,
    redirect_to    text,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    used_at        timestamptz
);
create index oauth_states_expiry on oauth_states (expires_at);
