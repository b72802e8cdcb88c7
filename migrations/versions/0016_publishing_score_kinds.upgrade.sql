-- 0016_publishing_score_kinds: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- api.publish_scores (sql/functions/scores/) changes this column only, for TAs and instructors.
grant update (published_score_kinds) on app.assignments to ok_api;
