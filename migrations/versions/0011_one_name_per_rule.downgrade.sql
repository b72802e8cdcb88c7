-- 0011_one_name_per_rule: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The helper added with this revision (sql/ recreates the retired ones' callers at head only).
-- squawk-ignore ban-drop-function
drop function if exists auth.is_staff_of(bigint);
