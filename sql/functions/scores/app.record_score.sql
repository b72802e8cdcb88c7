-- app.record_score(backup_id, kind, score, message, rubric_id): record a staff or autograder
-- score on a backup, said once: the assignment's scores lock (app.lock_shared_best) is taken first, as
-- every change to scores takes it before any backup row, then the backup's row (two graders
-- scoring at once cannot both stay active), earlier active scores of the same kind on it are archived (history is
-- kept), and the new score is credited to the backup's submitter, graded by the caller;
-- rubric_id names the rubric that computed it (api.grade_by_rubric), null for a typed score.
-- Returns the new score's id. The kind must be normalised (lower-case, trimmed) and the score
-- finite; the callers check both and the caller's standing first, and app.scores' check
-- constraints refuse anything else.
-- Called by: api.v3_score_post (the autograder and scripts), api.grade and
-- api.grade_by_rubric (the grading view), api.resolve_regrade (a regrade request's answer).
-- Security: invoker (inside those ok_api definers: row-level security lets only staff of
-- the course write its scores, as themselves). Raises nothing of its own.
-- requires: app.lock_shared_best.sql
create or replace function app.record_score(
  backup_id bigint, kind text, score numeric, message text, rubric_id bigint default null
)
returns bigint
language plpgsql
volatile
as $$
declare
  target app.backups;
  recorded bigint;
begin
  perform app.lock_shared_best((select b.assignment_id from app.backups as b where b.id = record_score.backup_id));
  select b.* into target from app.backups as b where b.id = record_score.backup_id for update;
  update app.scores as s
  set archived = true
  where s.backup_id = target.id and s.kind = record_score.kind and not s.archived;
  insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message, rubric_id)
  values (target.id, target.assignment_id, target.course_id, target.submitter_id, auth.user_id(),
          record_score.kind, record_score.score, record_score.message, record_score.rubric_id)
  returning id into recorded;
  return recorded;
end;
$$;

revoke all on function app.record_score(bigint, text, numeric, text, bigint) from public;
grant execute on function app.record_score(bigint, text, numeric, text, bigint) to ok_api;
