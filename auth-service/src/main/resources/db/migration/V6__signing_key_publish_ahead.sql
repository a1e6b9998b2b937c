-- A rotation publishes the next signing key before it signs: verifiers cache the JWKS (max-age), so a key that signed
-- at once would be unknown to them for a while. A key is now pending (published, not signing: not active, not
-- retired), then active from `activates_at`, then retired.
alter table signing_keys add column activates_at timestamptz;
update signing_keys set activates_at = created_at;
alter table signing_keys alter column activates_at set not null;

-- At most one next key, so racing rotations agree on it as they agree on the active key.
create unique index signing_keys_one_pending on signing_keys ((true)) where not active and retired_at is null;
