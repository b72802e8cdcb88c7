-- app.group_snapshot(group_id): a group as the audit trail records it:
-- {"id", "assignment_id", "members": [{"user_id", "status"}]}, or null when it is gone.
-- Called by: the api.group_* functions, before and after each change. Security: invoker
-- (always called from definer functions). Raises nothing.
create or replace function app.group_snapshot(group_id bigint)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', g.id, 'assignment_id', g.assignment_id,
    'members', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', m.user_id, 'status', m.status) order by m.user_id)
      from app.group_members as m where m.group_id = g.id
    ), '[]'::jsonb)
  )
  from app.groups as g
  where g.id = group_snapshot.group_id
$$;

revoke all on function app.group_snapshot(bigint) from public;
