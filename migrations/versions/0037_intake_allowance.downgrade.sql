-- 0037_intake_allowance: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Reason: the revision before has no such table.
-- squawk-ignore ban-drop-table
drop table app.intake_allowances;
