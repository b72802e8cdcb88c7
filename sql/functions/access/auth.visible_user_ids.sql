-- auth.visible_user_ids(): the users the caller may see: themself, their group-mates, the
-- staff of every course they are enrolled in (so comments and graders have names), and
-- everyone enrolled in the courses where they are staff.
-- Called by: the select policy on app.users, as an uncorrelated subquery (once per
-- statement). Security: definer (it reads enrollments beyond the caller's own rows).
-- Raises nothing.
-- requires: auth.staff_roles.sql
-- requires: auth.staff_course_ids.sql, auth.group_mates.sql
create or replace function auth.visible_user_ids()
returns setof bigint
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select auth.user_id()
  union
  select g.user_id from auth.group_mates() as g
  union
  select e.user_id
  from app.enrollments as e
  where e.course_id = any(auth.course_ids('student', 'lab_assistant', 'reader', 'ta', 'instructor'))
    and e.role::text = any(auth.staff_roles())
  union
  select e.user_id
  from app.enrollments as e
  where e.course_id = any(auth.staff_course_ids())
$$;

revoke all on function auth.visible_user_ids() from public;
grant execute on function auth.visible_user_ids() to ok_user;
comment on function auth.visible_user_ids() is 'Users the caller may see (for RLS on app.users).';
