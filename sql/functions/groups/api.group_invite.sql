-- api.group_invite(assignment, email): invite a classmate into the caller's group (created on
-- the first invitation, with the caller active). Rules: the assignment is open (before its
-- lock date); the caller is an active member of their group, or in none; the group's size
-- counting pending invitations stays within the assignment's limit; the caller and the invitee
-- are both enrolled in the course as students (or lab assistants), so that an outsider cannot
-- tie a student up in a group, and the invitee is in no group for the assignment. An unknown
-- email and a non-student get the same answer. The invitee's membership is pending.
-- Called by: the assignment page. Security: definer (group tables are not writable by users).
-- Raises: PT401; PT404 unknown assignment; PT403 closed, the caller is not a student of the
-- course, or the caller's invitation is pending; PT422 self, not a student of the course,
-- already grouped, group full.
-- requires: app.assignment_for_change.sql, app.group_change.sql, app.group_add_member.sql
create or replace function api.group_invite(assignment text, email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  invitee bigint;
  mine app.group_members;
  added record;
begin
  if not target.is_open then
    raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
  end if;
  if not exists (
    select 1 from app.enrollments as e
    where e.user_id = auth.user_id() and e.course_id = target.course_id and e.role in ('student', 'lab_assistant')
  ) then
    raise sqlstate 'PT403' using message = 'Only students of this course can invite partners';
  end if;
  select u.id into invitee
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id
  where lower(u.email) = lower(group_invite.email)
    and e.course_id = target.course_id and e.role in ('student', 'lab_assistant');
  if invitee is null then
    raise sqlstate 'PT422' using message = format('%s is not a student of this course', email);
  end if;
  if invitee = auth.user_id() then
    raise sqlstate 'PT422' using message = 'You cannot invite yourself';
  end if;
  if exists (select 1 from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = invitee) then
    raise sqlstate 'PT422' using message = format('%s is already in a group for this assignment', email);
  end if;
  select m.* into mine from app.group_members as m
  where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
  if mine.group_id is not null and mine.status <> 'active' then
    raise sqlstate 'PT403' using message = 'Accept or decline your own invitation first';
  end if;
  added := app.group_add_member(target.assignment_id, auth.user_id(), invitee, 'pending');
  return app.group_change(target.assignment_id, 'invite', invitee, added.new_group_id, added.group_before);
end;
$$;

revoke all on function api.group_invite(text, text) from public;
grant execute on function api.group_invite(text, text) to ok_user;
comment on function api.group_invite(text, text) is 'Invite a classmate into one''s group.';
