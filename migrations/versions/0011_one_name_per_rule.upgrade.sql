-- 0011_one_name_per_rule: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Replaceable helpers retired: sql/ no longer defines them; their callers read
-- app.final_submissions (recreated after the revisions).
-- squawk-ignore ban-drop-function
drop function if exists app.final_submission_id(bigint, bigint);
-- squawk-ignore ban-drop-function
drop function if exists app.final_submission_ids(bigint);
