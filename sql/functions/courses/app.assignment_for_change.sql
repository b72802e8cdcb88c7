-- app.assignment_for_change(name): the assignment a course-rule function acts on, locked for
-- this transaction (app.lock_assignment), with the caller's standing in its course:
-- assignment_id, course_id, assignment_name, due_at, lock_at, max_group_size, and is_staff
-- (auth.is_staff_of: admin, reader, TA or instructor), is_ta (admin, TA or instructor),
-- is_admin, is_open (now is before the assignment's own lock date).
-- Called by: flag, group, extension, grading and publishing functions. Security: definer (reads the
-- assignment whatever RLS shows; a hidden one only for its course's staff and admins).
-- Raises: PT401 not signed in, PT404 unknown assignment, or hidden from the caller.
-- requires: auth.is_staff_of.sql
-- requires: app.require_login.sql, app.lock_assignment.sql
-- requires: auth.is_ta_of.sql
create or replace function app.assignment_for_change(
  name text,
  out assignment_id bigint, out course_id bigint, out assignment_name text, out due_at timestamptz,
  out lock_at timestamptz, out max_group_size integer, out is_staff boolean, out is_ta boolean,
  out is_admin boolean, out is_open boolean
)
returns record
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  is_visible boolean;
begin
  perform app.require_login();
  select a.id, a.course_id, a.name, a.due_at, a.lock_at, a.max_group_size, a.visible
  into assignment_id, course_id, assignment_name, due_at, lock_at, max_group_size, is_visible
  from app.assignments as a
  where a.name = assignment_for_change.name;
  is_admin := auth.is_admin();
  is_staff := auth.is_staff_of(course_id);
  -- Hidden assignments do not exist for students, lab assistants or outsiders.
  if assignment_id is null or not (is_visible or is_staff) then
    raise sqlstate 'PT404' using message = format('No assignment %s', name);
  end if;
  perform app.lock_assignment(assignment_id);
  is_ta := auth.is_ta_of(course_id);
  is_open := now() <= lock_at;
end;
$$;

revoke all on function app.assignment_for_change(text) from public;
grant execute on function app.assignment_for_change(text) to ok_api;
