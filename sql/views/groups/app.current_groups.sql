-- app.current_groups: which group each student is in for each assignment, said once. One row
-- per active group membership: the assignment, the member, their group and every active
-- member of it (the member included), ordered by id. A student with no active membership
-- has no row: they work alone (callers use coalesce(member_ids, array[user_id])).
-- Pending invitations do not count; a student who left or was removed has no row.
-- Read by: app.group_member_ids (one student), auth.group_mates (the caller's groups, for
-- RLS), analytics.group_members (who worked together), app.assignment_units (every unit of an assignment), app.shared_best (group-shared
-- scores, kept for the gradebook by app.refresh_shared_best).
-- A view, so a filter on assignment_id and user_id reaches the index.
-- Security: owner's rights (ok_owner, through its owner_all policy); granted to no request
-- role: only definer functions read it, and the analytics snapshots' owner (analytics.group_members).
create or replace view app.current_groups as
select
  mine.assignment_id,
  mine.user_id,
  mine.group_id,
  array_agg(other.user_id order by other.user_id) as member_ids
from app.group_members as mine
inner join app.group_members as other
  -- a group belongs to one assignment: saying so lets a filter on it reach both sides
  on mine.group_id = other.group_id and mine.assignment_id = other.assignment_id and other.status = 'active'
where mine.status = 'active'
group by mine.assignment_id, mine.user_id, mine.group_id;

revoke all on app.current_groups from public;
-- the analytics snapshots of groups (analytics.group_members), computed by their owner
grant select on app.current_groups to ok_analytics_owner;
comment on view app.current_groups is 'Each active group membership with every active member of the group.';
