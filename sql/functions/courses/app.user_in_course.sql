-- app.user_in_course(email, course_id): the id of the user with that email if enrolled in the
-- course (any role), else null. Called by: group functions (invitees must be enrolled).
-- Security: invoker (called from definer functions). Raises nothing.
create or replace function app.user_in_course(email text, course_id bigint)
returns bigint
language sql
stable
as $$
  select u.id
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id and e.course_id = user_in_course.course_id
  where lower(u.email) = lower(user_in_course.email)
$$;

revoke all on function app.user_in_course(text, bigint) from public;
grant execute on function app.user_in_course(text, bigint) to ok_api;
