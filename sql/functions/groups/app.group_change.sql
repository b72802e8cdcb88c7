-- app.group_change(assignment_id, action, actor_target, group_id, before): finish a group
-- change: delete the group if one member or none is left, then append the group_actions
-- audit row with the group before and after. Returns the group after (null when deleted).
-- Called by: every api.group_* function. Security: invoker (called from definer functions).
-- requires: app.group_snapshot.sql
create or replace function app.group_change(
  assignment_id bigint, action text, target_id bigint, group_id bigint, before jsonb
)
returns jsonb
language plpgsql
volatile
as $$
declare
  after jsonb;
begin
  if (select count(*) from app.group_members as m where m.group_id = group_change.group_id) <= 1 then
    delete from app.groups as g where g.id = group_change.group_id;
  end if;
  after := app.group_snapshot(group_id);
  insert into app.group_actions (assignment_id, course_id, actor_id, target_id, action, group_before, group_after)
  select a.id, a.course_id, auth.user_id(), target_id, action, before, after
  from app.assignments as a
  where a.id = group_change.assignment_id;
  return coalesce(after, '{"members": []}'::jsonb);
end;
$$;

revoke all on function app.group_change(bigint, text, bigint, bigint, jsonb) from public;
