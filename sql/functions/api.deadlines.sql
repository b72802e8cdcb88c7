-- api.deadlines(assignment): each student's effective due and lock dates: the assignment's,
-- pushed back by an unexpired extension granted to them or to anyone in their current group.
-- Staff see every student of the course; a student sees their own row.
-- Called by: the assignment page, staff pages. Security: definer (extensions of group-mates),
-- filtered to what the caller may see. Raises nothing (unknown assignments give no rows).
-- requires: app.group_member_ids.sql
create or replace function api.deadlines(assignment text)
returns table (email text, due_at timestamptz, lock_at timestamptz, extended_until timestamptz, extension_reason text)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with target as (
    select a.* from app.assignments as a
    where a.name = deadlines.assignment
      -- a hidden assignment has no deadlines for anyone but its course's staff
      and (a.visible or auth.is_admin() or a.course_id = any(auth.course_ids('reader', 'ta', 'instructor')))
  ),
  students as (
    select u.id, u.email
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role in ('student', 'lab_assistant')
    inner join app.users as u on e.user_id = u.id
    where auth.is_admin()
       or t.course_id = any(auth.course_ids('reader', 'ta', 'instructor'))
       or u.id = auth.user_id()
  ),
  mates as (
    select s.id as student_id, coalesce(other.user_id, s.id) as mate_id
    from students as s
    cross join target as t
    left join app.group_members as mine on mine.assignment_id = t.id and mine.user_id = s.id and mine.status = 'active'
    left join app.group_members as other on other.group_id = mine.group_id and other.status = 'active'
  ),
  best as (
    select distinct on (m.student_id) m.student_id, x.expires_at, x.reason
    from mates as m
    cross join target as t
    inner join app.extensions as x on x.assignment_id = t.id and x.user_id = m.mate_id
    order by m.student_id, x.expires_at desc
  )
  select s.email, greatest(t.due_at, b.expires_at), greatest(t.lock_at, b.expires_at), b.expires_at, b.reason
  from students as s
  cross join target as t
  left join best as b on b.student_id = s.id
  order by s.email
$$;

revoke all on function api.deadlines(text) from public;
grant execute on function api.deadlines(text) to ok_user;
comment on function api.deadlines(text) is 'Effective due and lock dates per student (extensions applied).';
