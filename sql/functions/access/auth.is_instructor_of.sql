-- auth.is_instructor_of(course_id): whether the caller is an instructor of the course or a
-- site administrator, said once: instructors alone change course settings, enrolment and the
-- export token, and may delete any line comment.
-- Called by: app.require_instructor, app.comment_json, api.delete_comment.
-- Security: invoker (auth.course_ids is the definer). Raises nothing.
-- requires: auth.course_ids.sql, auth.is_admin.sql
create or replace function auth.is_instructor_of(course_id bigint)
returns boolean
language sql
stable
parallel safe
as $$
  select auth.is_admin() or coalesce(is_instructor_of.course_id = any(auth.course_ids('instructor')), false)
$$;

revoke all on function auth.is_instructor_of(bigint) from public;
grant execute on function auth.is_instructor_of(bigint) to ok_api;
comment on function auth.is_instructor_of(bigint) is
'True when the caller is a site admin or an instructor of the course.';
