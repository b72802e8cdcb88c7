-- 0017_unit_summaries: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


drop trigger _100_submitter_finals_delete on app.backups;
drop trigger _100_submitter_finals_change on app.backups;
drop trigger _100_submitter_finals on app.backups;
-- Nothing is lost: the table only summarises app.backups (revision 0017 rebuilds it).
-- squawk-ignore ban-drop-table
drop table app.submitter_finals;
-- Only the triggers dropped above called it.
-- squawk-ignore ban-drop-function
drop function if exists app.tg_backups__submitter_finals();
-- Called only by that trigger function and app.unit_finals (replaced with the code).
-- squawk-ignore ban-drop-function
drop function if exists app.counting_backup(bigint[]);
