-- Test mode is a separate world: each received event keeps its mode (ce_mode), so test events only ever reach test
-- endpoints.
alter table events add column test_mode boolean;
