-- api.grade(name, key, kind, score, message): the grading view's "Save": record the caller's
-- score (a decimal number, as typed) of one kind on a backup of the assignment (app.record_score: the earlier score of
-- that kind is archived; the backup's grading tasks are completed by the scores trigger), and
-- answer {"kind", "score", "next_key"}: next_key is the caller's next open task on the
-- assignment (api.next_grading_task) (what "Save and grade next" opens), or null when their queue is done.
-- Called by: POST /staff/<assignment>/grade/<key>/score. Security: definer as ok_api (the
-- caller's RLS applies: staff write scores of their course, as themselves).
-- Raises: PT401, PT403, PT404 (app.require_staff_backup: not staff, no such backup);
-- PT422 empty kind, a score that is not a decimal number or not within +/-1e15
-- (app.points_from_text).
-- requires: app.require_staff_backup.sql, app.record_score.sql, api.next_grading_task.sql
-- requires: app.points_from_text.sql
create or replace function api.grade(
  name text, key text, kind text, score text, message text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.backups := app.require_staff_backup(grade.name, grade.key);
  clean_kind text := lower(btrim(coalesce(grade.kind, '')));
  value numeric;
begin
  if clean_kind = '' then
    raise sqlstate 'PT422' using message = 'Choose the kind of score';
  end if;
  value := app.points_from_text(grade.score, 'score');
  perform app.record_score(target.id, clean_kind, value, coalesce(grade.message, ''));
  return jsonb_build_object(
    'kind', clean_kind,
    'score', value,
    -- the caller's queue, said once (api.next_grading_task); this score completed its task
    'next_key', api.next_grading_task(grade.name) ->> 'backup_key'
  );
end;
$$;

revoke all on function api.grade(text, text, text, text, text) from public;
alter function api.grade(text, text, text, text, text) owner to ok_api;
grant execute on function api.grade(text, text, text, text, text) to ok_user;
comment on function api.grade(text, text, text, text, text) is
'Score a backup from the grading view; answers the caller''s next open task.';
