-- 0036_autograder_give_up: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- An autograde job that is cancelled, or fails for good, leaves no backup "to be sent" for the
-- supervision to send later (app.tg_jobs__autograder_give_up).
create trigger _700_autograder_give_up after update of status on app.jobs
for each row when (new.status = 'failed' and old.status is distinct from new.status)
execute function app.tg_jobs__autograder_give_up();
