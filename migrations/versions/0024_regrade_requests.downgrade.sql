-- 0024_regrade_requests: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The requests and their outcomes go; the scores they led to stay.
-- squawk-ignore ban-drop-table
drop table app.regrade_requests;
