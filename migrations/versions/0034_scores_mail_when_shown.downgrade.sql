-- 0034_scores_mail_when_shown: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

drop trigger _800_mail on app.assignments;
create trigger _800_mail after update of published_score_kinds on app.assignments
for each row when (old.published_score_kinds is distinct from new.published_score_kinds)
execute function app.tg_assignments__mail_scores();
