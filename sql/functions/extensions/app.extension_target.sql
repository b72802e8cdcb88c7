-- app.extension_target(assignment, email, doing): what a staff member's extension action
-- acts on, said once for granting, revoking and denying: the assignment (locked for the
-- change, app.assignment_for_change), its course and time zone, and the student by email.
-- The caller must be a TA or instructor of the course (or an admin). student_id is null when
-- the caller cannot see such a user; enrolled says whether the student is in the course.
-- Called by: api.grant_extension, api.revoke_extension, api.deny_extension_request.
-- Security: invoker (runs inside those ok_api definers, under the caller's RLS).
-- Raises: PT401; PT404 unknown assignment; PT403 'Only TAs and instructors can <doing>'.
-- requires: app.assignment_for_change.sql, app.user_in_course.sql
create or replace function app.extension_target(
  assignment text, email text, doing text,
  out assignment_id bigint, out course_id bigint, out due_at timestamptz, out timezone text,
  out student_id bigint, out enrolled boolean
)
returns record
language plpgsql
volatile
as $$
declare
  target record := app.assignment_for_change(extension_target.assignment);
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = format('Only TAs and instructors can %s', extension_target.doing);
  end if;
  assignment_id := target.assignment_id;
  course_id := target.course_id;
  due_at := target.due_at;
  select c.timezone into timezone from app.courses as c where c.id = target.course_id;
  student_id := app.user_in_course(extension_target.email, target.course_id);
  enrolled := student_id is not null;
  if student_id is null then
    select u.id into student_id from app.users as u where lower(u.email) = lower(extension_target.email);
  end if;
end;
$$;

revoke all on function app.extension_target(text, text, text) from public;
grant execute on function app.extension_target(text, text, text) to ok_api;
