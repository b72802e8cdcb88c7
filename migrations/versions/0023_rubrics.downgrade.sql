-- 0023_rubrics: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Scores keep their values; only the record of which rubric computed them goes.
-- The five-argument form (the replaceables of the revision downgraded to bring back theirs).
-- squawk-ignore ban-drop-function
drop function if exists app.record_score(bigint, text, numeric, text, bigint);
-- squawk-ignore ban-drop-column
alter table app.scores drop column rubric_id;
-- app.rubric_item_for_change returns a rubric item's row type: it goes with the table.
-- squawk-ignore ban-drop-function
drop function if exists app.rubric_item_for_change(bigint);
-- rubric_items' select policy reads score_rubric_items: the tables go in one statement
-- squawk-ignore ban-drop-table
drop table app.score_rubric_items, app.rubric_items, app.rubrics;
