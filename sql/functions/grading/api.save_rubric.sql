-- api.save_rubric(assignment, kind, start_points, min_points, max_points): make or change the
-- rubric of one kind of score on an assignment: the points a score starts from and its
-- bounds (empty: unbounded), as typed. Every active score the rubric computed is rescored in
-- one statement when its value changes (app.rescore_rubric). Answers {"id", "kind",
-- "rescored"}. Changes are in the audit log (the rubrics' audit trigger).
-- Called by: POST /staff/<assignment>/rubrics/save. Security: definer as ok_api (the caller's
-- RLS applies: TAs and instructors write their course's rubrics).
-- Raises: PT401; PT404 unknown assignment; PT403 not a TA or instructor; PT422 empty kind,
-- points that are not numbers (app.points_from_text), a minimum above the maximum, a
-- rescored value beyond +/-1e15 (app.rescore_rubric).
-- requires: app.assignment_for_change.sql, app.points_from_text.sql, app.rescore_rubric.sql
create or replace function api.save_rubric(
  assignment text, kind text, start_points text default '0', min_points text default '', max_points text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(save_rubric.assignment);
  clean_kind text := lower(btrim(coalesce(save_rubric.kind, '')));
  starting numeric := coalesce(app.points_from_text(save_rubric.start_points, 'starting points', true), 0);
  lowest numeric := app.points_from_text(save_rubric.min_points, 'minimum', true);
  highest numeric := app.points_from_text(save_rubric.max_points, 'maximum', true);
  saved bigint;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change rubrics';
  end if;
  if clean_kind = '' then
    raise sqlstate 'PT422' using message = 'Choose the kind of score the rubric is for';
  end if;
  if lowest > highest then
    raise sqlstate 'PT422' using message = format('The minimum (%s) is above the maximum (%s)', lowest, highest);
  end if;
  insert into app.rubrics as r (assignment_id, course_id, kind, start_points, min_points, max_points)
  values (target.assignment_id, target.course_id, clean_kind, starting, lowest, highest)
  on conflict on constraint rubrics_one_per_kind do update
    set start_points = excluded.start_points, min_points = excluded.min_points, max_points = excluded.max_points
  returning r.id into saved;
  return jsonb_build_object('id', saved, 'kind', clean_kind, 'rescored', app.rescore_rubric(saved));
end;
$$;

revoke all on function api.save_rubric(text, text, text, text, text) from public;
alter function api.save_rubric(text, text, text, text, text) owner to ok_api;
grant execute on function api.save_rubric(text, text, text, text, text) to ok_user;
comment on function api.save_rubric(text, text, text, text, text) is
'Make or change the rubric of a kind of score (starting points, bounds); rescores what it computed.';
