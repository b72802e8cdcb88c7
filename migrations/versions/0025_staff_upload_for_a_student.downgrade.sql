-- 0025_staff_upload_for_a_student: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Backups staff made keep their creator; only new ones can no longer be made.
revoke insert (creator_id) on app.backups from ok_api;
