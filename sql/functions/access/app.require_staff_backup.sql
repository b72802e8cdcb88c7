-- app.require_staff_backup(name, key): the backup a staff page or action of an assignment is
-- about, said once: the caller must be staff of the assignment's course (app.require_staff,
-- first, so that the refusal does not depend on the key), and the key must name a backup of
-- that assignment.
-- Called by: api.grading_view, api.add_comment, api.grade.
-- Security: invoker (inside those ok_api definers: staff see their course's backups).
-- Raises: PT401, PT403, PT404 (app.require_staff); PT404 'No backup <key> in <assignment>'.
-- requires: app.require_staff.sql, app.hashid_decode.sql
create or replace function app.require_staff_backup(name text, key text)
returns app.backups
language plpgsql
stable
as $$
declare
  allowed_course bigint := app.require_staff(require_staff_backup.name, 'assignment');
  found app.backups;
begin
  select b.* into found
  from app.backups as b
  inner join app.assignments as a on b.assignment_id = a.id
  where b.id = app.hashid_decode(require_staff_backup.key)
    and a.name = require_staff_backup.name and a.course_id = allowed_course;
  if found.id is null then
    raise sqlstate 'PT404' using message = format('No backup %s in %s', require_staff_backup.key, require_staff_backup.name);
  end if;
  return found;
end;
$$;

revoke all on function app.require_staff_backup(text, text) from public;
grant execute on function app.require_staff_backup(text, text) to ok_api;
