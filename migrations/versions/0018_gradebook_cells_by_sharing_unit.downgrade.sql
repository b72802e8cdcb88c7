-- 0018_gradebook_cells_by_sharing_unit: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Nothing to undo in the schema: app.best_scores was a replaceable function (docs/migrations.md:
-- the older revision's files define it again).
select 1;
