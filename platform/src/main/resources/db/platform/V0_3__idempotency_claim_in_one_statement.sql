-- Claims an Idempotency-Key in one round trip: before, a claim was three statements (bound the lock wait, insert, lift
-- the bound) and a fourth to read a stored outcome, each a round trip through the service's event loop inside the
-- request's transaction. In one function the statements still run in order: only the insert's wait for a duplicate in
-- flight is bounded (p_wait, then lock_not_available), not the waits of the request's own statements after it.
-- No row: the caller now owns the key (a fresh claim, or an expired outcome taken over). One row: the outcome the key
-- holds, committed by the request that claimed it first.
create function idempotency_claim(p_scope text, p_key text, p_request_hash text, p_ttl_seconds double precision, p_wait text)
    returns table (request_hash text, status integer, content_type text, headers text, body bytea, secret boolean)
    language plpgsql as $$
#variable_conflict use_column
declare
    claimed integer;
begin
    perform set_config('lock_timeout', p_wait, true);
    insert into idempotency_keys as k (scope, idempotency_key, request_hash, created_at)
    values (p_scope, p_key, p_request_hash, now())
    on conflict (scope, idempotency_key) do update
        set request_hash = excluded.request_hash, created_at = now(), status = null, content_type = null,
            headers = null, body = null, secret = false
        where k.created_at < now() - make_interval(secs => p_ttl_seconds);
    get diagnostics claimed = row_count;
    perform set_config('lock_timeout', '0', true);
    if claimed = 0 then
        -- a new snapshot (read committed): the outcome the first request committed while this one waited
        return query select k.request_hash, k.status, k.content_type, k.headers, k.body, k.secret
                     from idempotency_keys k where k.scope = p_scope and k.idempotency_key = p_key;
    end if;
end $$;
