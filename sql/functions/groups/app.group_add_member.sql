-- app.group_add_member(assignment_id, anchor_id, member_id, member_status): add member_id to
-- anchor_id's group for the assignment, said once for invitations and staff placements: the
-- anchor's group, or a new one with the anchor active in it; the group's size, pending
-- invitations included, stays within the assignment's max_group_size; the new membership has
-- the status given ('pending' for an invitation, 'active' for staff). Returns the group and
-- its members before the change (null for a new group), for app.group_change.
-- Callers check who may act and that member_id is in no group first.
-- Called by: api.group_invite, api.group_staff_add (definers).
-- Security: invoker; granted to no role but its owner. Raises: PT422 group full.
-- requires: app.group_snapshot.sql
create or replace function app.group_add_member(
  assignment_id bigint, anchor_id bigint, member_id bigint, member_status app.member_status,
  out new_group_id bigint, out group_before jsonb
)
returns record
language plpgsql
volatile
as $$
declare
  target app.assignments;
begin
  select a.* into strict target from app.assignments as a where a.id = group_add_member.assignment_id;
  select m.group_id into new_group_id
  from app.group_members as m
  where m.assignment_id = target.id and m.user_id = group_add_member.anchor_id;
  if new_group_id is null then
    insert into app.groups (assignment_id, course_id) values (target.id, target.course_id)
    returning id into new_group_id;
    insert into app.group_members (assignment_id, user_id, group_id, status)
    values (target.id, group_add_member.anchor_id, new_group_id, 'active');
    group_before := null;
  else
    group_before := app.group_snapshot(new_group_id);
  end if;
  if (select count(*) from app.group_members as m where m.group_id = new_group_id) >= target.max_group_size then
    raise sqlstate 'PT422' using
      message = format('Groups have at most %s members, invitations included', target.max_group_size);
  end if;
  insert into app.group_members (assignment_id, user_id, group_id, status)
  values (target.id, group_add_member.member_id, new_group_id, group_add_member.member_status);
end;
$$;

revoke all on function app.group_add_member(bigint, bigint, bigint, app.member_status) from public;
