-- api.group_remove(assignment, email): an active member takes someone out of their group:
-- themself (leave), another member (remove), or a pending invitee (revoke; the original removed
-- the revoker instead). A group left with one member is dissolved. Students only while open;
-- staff (readers, TAs, instructors) at any time, for any group of their course.
-- Called by: the assignment page, staff pages. Security: definer.
-- Raises: PT401; PT404 unknown assignment or user not in a group; PT403 closed, or not a
-- member of that group.
-- requires: app.assignment_for_change.sql, app.group_change.sql
create or replace function api.group_remove(assignment text, email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  victim app.group_members;
  mine app.group_members;
  before jsonb;
  action text;
begin
  select m.* into victim from app.group_members as m
  inner join app.users as u on m.user_id = u.id
  where m.assignment_id = target.assignment_id and lower(u.email) = lower(group_remove.email);
  if victim.group_id is null then
    raise sqlstate 'PT404' using message = format('%s is not in a group for this assignment', email);
  end if;
  if target.is_staff then
    action := 'staff_remove';
  else
    if not target.is_open then
      raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
    end if;
    select m.* into mine from app.group_members as m
    where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
    if mine.group_id is distinct from victim.group_id or mine.status <> 'active' then
      raise sqlstate 'PT403' using message = 'You can only change your own group';
    end if;
    action := case
      when victim.user_id = auth.user_id() then 'leave'
      when victim.status = 'pending' then 'revoke'
      else 'remove'
    end;
  end if;
  before := app.group_snapshot(victim.group_id);
  delete from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = victim.user_id;
  return app.group_change(target.assignment_id, action, victim.user_id, victim.group_id, before);
end;
$$;

revoke all on function api.group_remove(text, text) from public;
grant execute on function api.group_remove(text, text) to ok_user;
comment on function api.group_remove(text, text) is 'Leave a group, remove a member, or revoke an invitation.';
