-- api.delete_rubric_item(item_id): delete a rubric item that no score ever applied (a score's
-- items are its history, archived scores included); one that was applied is refused, with
-- the advice to set its points to 0 instead (which rescores). Answers the deleted item's id.
-- Called by: POST /staff/rubric-items/<id>/delete. Security: definer as ok_api (the caller's
-- RLS applies). Raises: PT401; PT404 no such item; PT403 not a TA or instructor; PT409
-- applied to scores.
-- requires: app.rubric_item_for_change.sql
create or replace function api.delete_rubric_item(item_id bigint)
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  item app.rubric_items;
  applied bigint;
begin
  item := app.rubric_item_for_change(delete_rubric_item.item_id);
  select count(*) into applied from app.score_rubric_items as a where a.item_id = item.id;
  if applied > 0 then
    raise sqlstate 'PT409' using message = format(
      'This item was applied to %s score(s) and stays in their history: set its points to 0 instead', applied
    );
  end if;
  begin
    delete from app.rubric_items as i where i.id = item.id;
  exception when foreign_key_violation then  -- applied by a grader meanwhile
    raise sqlstate 'PT409' using message = 'This item was just applied to a score: set its points to 0 instead';
  end;
  return item.id;
end;
$$;

revoke all on function api.delete_rubric_item(bigint) from public;
alter function api.delete_rubric_item(bigint) owner to ok_api;
grant execute on function api.delete_rubric_item(bigint) to ok_user;
comment on function api.delete_rubric_item(bigint) is
'Delete a rubric item that no score applied (TAs, instructors).';
