-- api.edit_rubric_item(item_id, points, description, ordinal): change a rubric item. New
-- points rescore, in one statement, every active score that applied it (app.rescore_rubric:
-- the earlier scores archived); a new description changes what students read on every
-- score that applied it, and no score; ordinal places the item among the others (null: unchanged). Answers
-- {"id", "points", "description", "position", "rescored"}.
-- Called by: POST /staff/rubric-items/<id>/edit. Security: definer as ok_api (the caller's RLS
-- applies). Raises: PT401; PT404 no such item (or not the caller's course); PT403 not a TA
-- or instructor; PT422 points that are not a number, an empty description, a rescored value
-- beyond +/-1e15 (app.rescore_rubric).
-- requires: app.rubric_item_for_change.sql, app.points_from_text.sql, app.rescore_rubric.sql
create or replace function api.edit_rubric_item(
  item_id bigint, points text, description text, ordinal bigint default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  item app.rubric_items;
  value numeric := app.points_from_text(edit_rubric_item.points, 'points');
  rescored integer;
begin
  item := app.rubric_item_for_change(edit_rubric_item.item_id);
  if btrim(coalesce(edit_rubric_item.description, '')) = '' then
    raise sqlstate 'PT422' using message = 'Describe the item: students see the description when it is applied';
  end if;
  update app.rubric_items as i
  set points = value, description = edit_rubric_item.description,
    position = coalesce(edit_rubric_item.ordinal, i.position)
  where i.id = item.id;
  -- always (it rescores only scores whose value changes): the points compared would be those
  -- read before the assignment's lock, which another editor may have changed since
  rescored := app.rescore_rubric(item.rubric_id);
  return jsonb_build_object(
    'id', item.id, 'points', value, 'description', edit_rubric_item.description,
    'position', coalesce(edit_rubric_item.ordinal, item.position), 'rescored', rescored
  );
end;
$$;

revoke all on function api.edit_rubric_item(bigint, text, text, bigint) from public;
alter function api.edit_rubric_item(bigint, text, text, bigint) owner to ok_api;
grant execute on function api.edit_rubric_item(bigint, text, text, bigint) to ok_user;
comment on function api.edit_rubric_item(bigint, text, text, bigint) is
'Change a rubric item; new points rescore every score that applied it (TAs, instructors).';
