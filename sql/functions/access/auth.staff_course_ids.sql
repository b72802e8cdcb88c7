-- auth.staff_course_ids(): the courses the caller is staff of: who counts as staff, said
-- once (a reader, TA or instructor of the course). Row-level security policies read it as
-- (select auth.staff_course_ids()), once per statement; auth.is_staff_of and
-- auth.visible_user_ids read it too.
-- Called by: policies of app tables, auth.is_staff_of, auth.visible_user_ids.
-- Security: invoker (the caller's own enrolments, through auth.course_ids). Raises nothing.
-- requires: auth.staff_roles.sql
-- requires: auth.course_ids.sql
create or replace function auth.staff_course_ids()
returns bigint[]
language sql
stable
as $$
  select auth.course_ids(variadic auth.staff_roles())
$$;

revoke all on function auth.staff_course_ids() from public;
grant execute on function auth.staff_course_ids() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.staff_course_ids() is 'Courses the caller is staff of (reader, TA or instructor).';
