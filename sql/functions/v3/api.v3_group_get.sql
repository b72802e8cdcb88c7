-- api.v3_group_get(): GET /api/v3/assignment/<name>/group/<email> (x-ok-name, x-ok-email):
-- the members of that user's group for the assignment, {"members": []} without a group.
-- For the user, their group-mates, the course's staff and site admins.
-- Security: definer (membership rows of others are not visible to students); it checks
-- the caller's right first. Answers 401, 403 (not allowed, or unknown user for non-admins),
-- 404 (unknown assignment, or unknown user for admins).
-- requires: auth.is_staff_of.sql
-- requires: v3.auth_error.sql, v3.time.sql, app.hashid_encode.sql
create or replace function api.v3_group_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  target_assignment app.assignments;
  target_user bigint;
  target_group bigint;
begin
  if denied is not null then
    return denied;
  end if;
  select a.* into target_assignment from app.assignments as a where a.name = v3.header('x-ok-name');
  -- A hidden assignment is unknown to all but its course's staff.
  if target_assignment.id is null
     or not (target_assignment.visible or auth.is_staff_of(target_assignment.course_id)) then
    return v3.reply(404, '{}', 'No such assignment');
  end if;
  select u.id into target_user from app.users as u where lower(u.email) = lower(v3.header('x-ok-email'));
  -- Only admins learn that an email is unknown; everyone else gets the same 403 as for a
  -- group they may not view, so the endpoint does not reveal which emails exist.
  if target_user is null and auth.is_admin() then
    return v3.reply(404, '{}', 'No such user');
  end if;
  select gm.group_id into target_group
  from app.group_members as gm
  where gm.assignment_id = target_assignment.id and gm.user_id = target_user;
  if target_user is null or not (
    auth.is_staff_of(target_assignment.course_id)
    or target_user = auth.user_id()
    or exists (
      select 1 from app.group_members as me
      where me.group_id = target_group and me.user_id = auth.user_id()
    )
  ) then
    return v3.reply(403, '{}', 'You cannot view this group');
  end if;
  return v3.reply(200, jsonb_build_object('members', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'status', gm.status, 'user', jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email),
      'created', v3.time(gm.created_at), 'updated', v3.time(gm.created_at)
    ) order by gm.created_at, u.email), '[]'::jsonb)
    from app.group_members as gm
    inner join app.users as u on gm.user_id = u.id
    where gm.group_id = target_group
  )));
end;
$$;

revoke all on function api.v3_group_get() from public;
grant execute on function api.v3_group_get() to ok_anon, ok_user;
comment on function api.v3_group_get() is 'GET /api/v3/assignment/<name>/group/<email>: a group''s members.';
