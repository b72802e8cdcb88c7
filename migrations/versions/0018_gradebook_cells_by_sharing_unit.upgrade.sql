-- 0018_gradebook_cells_by_sharing_unit: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- app.grade_cells now applies the sharing rule itself (the best per column and sharing unit,
-- then credited to the unit's members), so the per-student app.best_scores it read goes.
-- squawk-ignore ban-drop-function
drop function if exists app.best_scores(bigint);
