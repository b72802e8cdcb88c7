-- 0038_analytics_grading: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

revoke select on app.messages from ok_analytics_owner;
drop policy messages_analytics_grading on app.messages;
