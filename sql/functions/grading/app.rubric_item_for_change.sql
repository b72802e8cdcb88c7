-- app.rubric_item_for_change(item_id): the rubric item a TA or instructor is about to change,
-- said once for editing and deleting: the caller must be signed in, see the item, and lead
-- its course's staff work (app.assignment_for_change, which also locks the assignment for
-- the transaction).
-- Called by: api.edit_rubric_item, api.delete_rubric_item. Security: invoker (inside those
-- ok_api definers: the caller's row-level security finds the item).
-- Raises: PT401; PT404 'No rubric item <id>'; PT403 not a TA or instructor.
-- requires: app.require_login.sql, app.assignment_for_change.sql
create or replace function app.rubric_item_for_change(item_id bigint)
returns app.rubric_items
language plpgsql
volatile
as $$
declare
  item app.rubric_items;
  assignment_name text;
  target record;
begin
  perform app.require_login();
  select i.* into item from app.rubric_items as i where i.id = rubric_item_for_change.item_id;
  if item.id is null then
    raise sqlstate 'PT404' using message = format('No rubric item %s', rubric_item_for_change.item_id);
  end if;
  select a.name into assignment_name
  from app.rubrics as r inner join app.assignments as a on r.assignment_id = a.id
  where r.id = item.rubric_id;
  target := app.assignment_for_change(assignment_name);
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change rubrics';
  end if;
  return item;
end;
$$;

revoke all on function app.rubric_item_for_change(bigint) from public;
grant execute on function app.rubric_item_for_change(bigint) to ok_api;
