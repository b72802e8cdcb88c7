-- 0012_group_members_by_user: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- A student's active memberships, by user (the primary key leads with the assignment).
-- group_members is small (one row per student per group assignment: 100,000 rows at 10,000
-- students x 10 assignments, built in well under a second), so a plain build under the lock
-- timeout is fine; a larger table would take a revision of its own with
-- execute_file_concurrently (docs/migrations.md).
-- squawk-ignore require-concurrent-index-creation
create index group_members_active_user_idx on app.group_members (user_id) where status = 'active';
