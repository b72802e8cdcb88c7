-- 0034_scores_mail_when_shown: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Scores of a hidden assignment are told when it is shown (app.tg_assignments__mail_scores
-- compares what students could see before and after), so the trigger fires on visible too.
drop trigger _800_mail on app.assignments;
create trigger _800_mail after update of published_score_kinds, visible on app.assignments
for each row when (
  old.published_score_kinds is distinct from new.published_score_kinds or old.visible is distinct from new.visible
)
execute function app.tg_assignments__mail_scores();
