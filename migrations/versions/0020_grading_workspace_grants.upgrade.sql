-- 0020_grading_workspace_grants: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- The grading view (issue #9): a grader reassigns an open task to another grader
-- (api.reassign_task), and a comment's author rewrites it (api.edit_comment); both are
-- ok_api definers under the caller's row-level security, so ok_api is granted exactly the
-- column each one changes.
grant update (grader_id) on app.grading_tasks to ok_api;
grant update (message) on app.comments to ok_api;

-- Comments are added, edited and deleted from pages now: each change is in the audit log,
-- with the comment's text before and after.
create trigger _900_audit after insert or update or delete on app.comments
for each row execute function app.tg__audit();
