-- A key retired by an emergency rotation (it leaked) is withdrawn: it leaves the JWKS at once, instead of staying
-- published for the retired-key window like a key retired on schedule.
alter table signing_keys add column withdrawn_at timestamptz;
