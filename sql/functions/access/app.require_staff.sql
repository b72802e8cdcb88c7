-- app.require_staff(name): the course that `name` names, a course offering ("cal/cs61a/fa26")
-- or an assignment name ("cal/cs61a/fa26/hw01", hidden ones included), when the caller is
-- its staff (auth.is_staff_of); otherwise an error a staff page shows as it is.
-- Called by: the staff pages' api functions (api.staff_course_page, api.staff_assignment_page,
-- api.gradebook), first thing, so that a student or a stranger gets a reason, not an empty page.
-- Security: definer (finds a hidden assignment's course, which the caller's RLS may hide;
-- answers only with the course id, to its staff).
-- Raises: PT401 'Not logged in'; PT404 'No course or assignment is named <name>';
-- PT403 'This page is for the staff of <offering>'.
-- requires: auth.is_staff_of.sql
create or replace function app.require_staff(name text)
returns bigint
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found_id bigint;
  found_offering text;
begin
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  select c.id, c.offering into found_id, found_offering
  from app.courses as c
  where c.offering = require_staff.name
     or c.id = (select a.course_id from app.assignments as a where a.name = require_staff.name)
  limit 1;
  if found_id is null then
    raise sqlstate 'PT404' using message = format('No course or assignment is named %s', require_staff.name);
  end if;
  if not auth.is_staff_of(found_id) then
    raise sqlstate 'PT403' using message = format('This page is for the staff of %s', found_offering);
  end if;
  return found_id;
end;
$$;

revoke all on function app.require_staff(text) from public;
grant execute on function app.require_staff(text) to ok_api;
