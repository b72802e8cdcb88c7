-- 0013_v3_schema: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Nothing to undo in the tables. Schema v3 is rebuilt empty before every migration run, and
-- the previous revision's code recreates its app.v3_* helpers when it is deployed at its head.
select 1;
