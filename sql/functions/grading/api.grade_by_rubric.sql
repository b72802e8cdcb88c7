-- api.grade_by_rubric(name, key, kind, items, message): score a backup with the rubric of one
-- kind: items is [{"id": item id, "note": optional note to the students}, ...] (an item named
-- twice counts once, with its first note). The score is app.rubric_value of the applied
-- items (the rubric's starting points plus their points, within its bounds), recorded by
-- app.record_score with the rubric (the earlier score of the kind archived; the backup's
-- grading tasks completed), and the items kept with it. Answers {"kind", "score",
-- "next_key"} as api.grade does.
-- Called by: POST /staff/<assignment>/grade/<key>/rubric. Security: definer as ok_api (the
-- caller's RLS applies: staff score their course's backups, as themselves).
-- Raises: PT401, PT403, PT404 (app.require_staff_backup); PT404 no rubric for the kind;
-- PT422 items not a list of {"id"}, an item of another rubric, a sum beyond +/-1e15.
-- requires: app.require_staff_backup.sql, app.record_score.sql, api.next_grading_task.sql
-- requires: app.rubric_value.sql, app.lock_shared_best.sql
create or replace function api.grade_by_rubric(
  name text, key text, kind text, items jsonb default '[]', message text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.backups := app.require_staff_backup(grade_by_rubric.name, grade_by_rubric.key);
  clean_kind text := lower(btrim(coalesce(grade_by_rubric.kind, '')));
  used app.rubrics;
  stranger text;
  value numeric;
  recorded bigint;
begin
  -- the assignment's scores lock first: a rubric change rescores under it, so the rubric read
  -- here is the one in force when this score is recorded (none rescores it behind our back)
  perform app.lock_shared_best(target.assignment_id);
  select r.* into used from app.rubrics as r where r.assignment_id = target.assignment_id and r.kind = clean_kind;
  if used.id is null then
    raise sqlstate 'PT404' using message = format('This assignment has no rubric for %s scores', clean_kind);
  end if;
  if jsonb_typeof(coalesce(grade_by_rubric.items, '[]')) <> 'array' or exists (
    select 1 from jsonb_array_elements(coalesce(grade_by_rubric.items, '[]')) as e (item)
    where not coalesce(
      jsonb_typeof(e.item) = 'object' and jsonb_typeof(e.item -> 'id') = 'number' and e.item ->> 'id' ~ '^[0-9]{1,18}$',
      false
    )
  ) then
    raise sqlstate 'PT422' using message = 'Items must be a list of {"id": item, "note": text}';
  end if;
  select e.item ->> 'id' into stranger
  from jsonb_array_elements(grade_by_rubric.items) as e (item)
  where not exists (
    select 1 from app.rubric_items as i where i.id = (e.item ->> 'id')::bigint and i.rubric_id = used.id
  )
  limit 1;
  if stranger is not null then
    raise sqlstate 'PT422' using message = format('Item %s is not in the %s rubric', stranger, clean_kind);
  end if;
  -- each applied item counts once (and is kept once, with its first note)
  value := app.rubric_value(used.start_points, used.min_points, used.max_points, (
    select sum(i.points)
    from app.rubric_items as i
    where i.id in (select (e.item ->> 'id')::bigint from jsonb_array_elements(grade_by_rubric.items) as e (item))
  ));
  if not (value between -1e15 and 1e15) then
    raise sqlstate 'PT422' using message = format('These items give %s, beyond what a score may be (+/-1e15)', value);
  end if;
  recorded := app.record_score(target.id, clean_kind, value, coalesce(grade_by_rubric.message, ''), used.id);
  insert into app.score_rubric_items (score_id, item_id, course_id, note)
  select distinct on (e.id) recorded, e.id, target.course_id, e.note
  from (
    select (x.item ->> 'id')::bigint as id, coalesce(x.item ->> 'note', '') as note, x.n
    from jsonb_array_elements(grade_by_rubric.items) with ordinality as x (item, n)
  ) as e
  order by e.id, e.n;
  return jsonb_build_object(
    'kind', clean_kind,
    'score', value,
    'next_key', api.next_grading_task(grade_by_rubric.name) ->> 'backup_key'
  );
end;
$$;

revoke all on function api.grade_by_rubric(text, text, text, jsonb, text) from public;
alter function api.grade_by_rubric(text, text, text, jsonb, text) owner to ok_api;
grant execute on function api.grade_by_rubric(text, text, text, jsonb, text) to ok_user;
comment on function api.grade_by_rubric(text, text, text, jsonb, text) is
'Score a backup by applying rubric items (with notes); answers the caller''s next open task.';
