-- auth.is_staff_of(course_id): whether the caller counts as staff of the course, said once:
-- a site administrator, or a reader, TA or instructor enrolled in it (lab assistants and
-- students are not staff), over auth.staff_course_ids, which policies read in its set form
-- (select auth.staff_course_ids()) so that it runs once per statement; functions ask this.
-- Called by: api and app functions that decide what staff may see or do.
-- Security: invoker (auth.course_ids is the definer). Raises nothing.
-- requires: auth.staff_course_ids.sql, auth.is_admin.sql
create or replace function auth.is_staff_of(course_id bigint)
returns boolean
language sql
stable
parallel safe
as $$
  select auth.is_admin() or coalesce(is_staff_of.course_id = any(auth.staff_course_ids()), false)
$$;

revoke all on function auth.is_staff_of(bigint) from public;
grant execute on function auth.is_staff_of(bigint) to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.is_staff_of(bigint) is
'True when the caller is a site admin or a reader, TA or instructor of the course.';
