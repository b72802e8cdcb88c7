-- auth.is_ta_of(course_id): whether the caller leads the course's staff work, said once: a
-- site administrator, or a TA or instructor enrolled in it. Readers grade but do not set up
-- assignments, publish scores or move grading tasks between graders.
-- Called by: app.assignment_for_change (is_ta), api.create_assignment, api.v3_assignment_post,
-- api.grading_queue, api.grading_view, api.reassign_task.
-- Security: invoker (auth.course_ids is the definer). Raises nothing.
-- requires: auth.course_ids.sql, auth.is_admin.sql
create or replace function auth.is_ta_of(course_id bigint)
returns boolean
language sql
stable
parallel safe
as $$
  select auth.is_admin() or coalesce(is_ta_of.course_id = any(auth.course_ids('ta', 'instructor')), false)
$$;

revoke all on function auth.is_ta_of(bigint) from public;
grant execute on function auth.is_ta_of(bigint) to ok_api;
comment on function auth.is_ta_of(bigint) is
'True when the caller is a site admin or a TA or instructor of the course.';
