-- api.add_rubric_item(assignment, kind, points, description): add an item to the rubric of
-- one kind of score on an assignment (the rubric is made, starting at 0 and unbounded, when
-- the kind has none yet), last in order. points as typed, positive or negative; the
-- description (Markdown) is what students see when the item is applied. Answers the item:
-- {"id", "rubric_id", "kind", "points", "description", "position"}. Adding an item changes
-- no score (no score applied it yet).
-- Called by: POST /staff/<assignment>/rubrics/add. Security: definer as ok_api (the caller's
-- RLS applies). Raises: PT401; PT404 unknown assignment; PT403 not a TA or instructor;
-- PT422 empty kind or description, points that are not a number.
-- requires: app.assignment_for_change.sql, app.points_from_text.sql
create or replace function api.add_rubric_item(assignment text, kind text, points text, description text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(add_rubric_item.assignment);
  clean_kind text := lower(btrim(coalesce(add_rubric_item.kind, '')));
  value numeric := app.points_from_text(add_rubric_item.points, 'points');
  found_rubric bigint;
  added app.rubric_items;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change rubrics';
  end if;
  if clean_kind = '' then
    raise sqlstate 'PT422' using message = 'Choose the kind of score the rubric is for';
  end if;
  if btrim(coalesce(add_rubric_item.description, '')) = '' then
    raise sqlstate 'PT422' using message = 'Describe the item: students see the description when it is applied';
  end if;
  insert into app.rubrics (assignment_id, course_id, kind)
  values (target.assignment_id, target.course_id, clean_kind)
  on conflict on constraint rubrics_one_per_kind do nothing;
  select r.id into found_rubric from app.rubrics as r where r.assignment_id = target.assignment_id and r.kind = clean_kind;
  insert into app.rubric_items (rubric_id, course_id, position, points, description)
  select found_rubric, target.course_id, coalesce(max(i.position) + 1, 1), value, add_rubric_item.description
  from app.rubric_items as i where i.rubric_id = found_rubric
  returning * into added;
  return jsonb_build_object(
    'id', added.id, 'rubric_id', found_rubric, 'kind', clean_kind, 'points', added.points,
    'description', added.description, 'position', added.position
  );
end;
$$;

revoke all on function api.add_rubric_item(text, text, text, text) from public;
alter function api.add_rubric_item(text, text, text, text) owner to ok_api;
grant execute on function api.add_rubric_item(text, text, text, text) to ok_user;
comment on function api.add_rubric_item(text, text, text, text) is
'Add an item (points, description) to the rubric of a kind of score (TAs, instructors).';
