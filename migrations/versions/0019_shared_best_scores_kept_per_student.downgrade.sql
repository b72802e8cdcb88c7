-- 0019_shared_best_scores_kept_per_student: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


drop trigger _300_shared_best_delete on app.group_members;
drop trigger _300_shared_best_update on app.group_members;
drop trigger _300_shared_best_insert on app.group_members;
drop trigger _300_shared_best_delete on app.scores;
drop trigger _300_shared_best_update on app.scores;
drop trigger _300_shared_best_insert on app.scores;
-- Nothing is lost: the table only summarises app.scores and app.group_members (revision
-- 0019 rebuilds it).
-- squawk-ignore ban-drop-table
drop table app.shared_best_scores;
-- Only the triggers dropped above called them (and app.grade_cells, replaced with the code).
-- squawk-ignore ban-drop-function
drop function if exists app.tg_scores__shared_best();
-- squawk-ignore ban-drop-function
drop function if exists app.tg_group_members__shared_best();
-- squawk-ignore ban-drop-function
drop function if exists app.refresh_shared_best(bigint, bigint, bigint[], bigint[]);
-- squawk-ignore ban-drop-function
drop function if exists app.shared_best(bigint, bigint[]);
-- squawk-ignore ban-drop-function
drop function if exists app.grade_cells(bigint);
