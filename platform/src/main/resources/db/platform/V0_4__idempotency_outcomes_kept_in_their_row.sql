-- A stored outcome is sealed (AES-GCM), so it never compresses, and an invoice's is ~2.3 KB: just over the ~2 KB at
-- which PostgreSQL moves a row's largest values out of line. Every keyed create wrote its outcome to the TOAST table
-- (two chunks and their index entries, after a compression attempt that could not succeed), and the purge deleted
-- them there again. Rows up to a page now keep their outcome inline; a larger outcome still goes out of line, without
-- the compression attempt.
alter table idempotency_keys set (toast_tuple_target = 8160);
alter table idempotency_keys alter column body set storage external;
