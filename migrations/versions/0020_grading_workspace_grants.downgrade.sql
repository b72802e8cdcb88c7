-- 0020_grading_workspace_grants: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


drop trigger _900_audit on app.comments;
revoke update (message) on app.comments from ok_api;
revoke update (grader_id) on app.grading_tasks from ok_api;
