-- app.assignment_units(assignment_id): who works on an assignment, and in which unit, said
-- once: every student enrolled in the course, everyone who sent a backup for it (enrolled or
-- not: their rows of app.submitter_finals, not a scan of the backups), and every active group member; each in their current group's unit ('g<group id>')
-- or alone ('u<user id>'), with the unit's members (app.current_groups). With for_user, only
-- that user's unit (the same rows, without computing the others: a student's page).
-- Called by: app.unit_finals, api.deadlines (owner definers that filter what the caller
-- may see). Security: invoker; granted to no role but its owner. Raises nothing.
-- requires: app.current_groups.sql, app.group_member_ids.sql
create or replace function app.assignment_units(assignment_id bigint, for_user bigint default null)
returns table (user_id bigint, unit text, group_id bigint, member_ids bigint[], enrolled boolean)
language sql
stable
as $$
  with target as (
    select a.id, a.course_id from app.assignments as a where a.id = assignment_units.assignment_id
  ),
  -- Every unit (for_user is null): enrolled students, submitters and group members, each in
  -- their current group. One-time filters on for_user skip whichever half does not apply.
  everyone as (
    select e.user_id
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
    where assignment_units.for_user is null
    union
    select s.submitter_id
    from app.submitter_finals as s
    where s.assignment_id = assignment_units.assignment_id and assignment_units.for_user is null
    union
    select g.user_id
    from app.current_groups as g
    where g.assignment_id = assignment_units.assignment_id and assignment_units.for_user is null
  ),
  every_unit as (
    select p.user_id, g.group_id, coalesce(g.member_ids, array[p.user_id]) as member_ids
    from everyone as p
    left join app.current_groups as g
      on g.assignment_id = assignment_units.assignment_id and g.user_id = p.user_id
  ),
  -- One unit (for_user given): the same people, among for_user's current group (or alone).
  one_unit as (
    select m.user_id, g.group_id, mine.member_ids
    from target as t
    cross join lateral (select app.group_member_ids(t.id, assignment_units.for_user) as member_ids) as mine
    cross join lateral unnest(mine.member_ids) as m (user_id)
    left join app.group_members as g on g.assignment_id = t.id and g.user_id = m.user_id and g.status = 'active'
    where assignment_units.for_user is not null
      and (
        g.group_id is not null
        or exists (
          select 1 from app.enrollments as e
          where e.user_id = m.user_id and e.course_id = t.course_id and e.role = 'student'
        )
        or exists (select 1 from app.submitter_finals as s where s.assignment_id = t.id and s.submitter_id = m.user_id)
      )
  )
  select
    u.user_id,
    coalesce('g' || u.group_id, 'u' || u.user_id),
    u.group_id,
    u.member_ids,
    exists (select 1 from app.enrollments as e where e.user_id = u.user_id and e.course_id = t.course_id)
  from (select * from every_unit union all select * from one_unit) as u
  cross join target as t
$$;

revoke all on function app.assignment_units(bigint, bigint) from public;
