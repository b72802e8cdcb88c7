-- app.require_staff(name, kind): the course a staff page is about, when the caller is its
-- staff (auth.is_staff_of); otherwise an error the page shows as it is. kind 'course' takes
-- a course offering ("cal/cs61a/fa26"), kind 'assignment' an assignment name
-- ("cal/cs61a/fa26/hw01", hidden ones included).
-- To someone who is not staff of the course, a hidden assignment and a name that does not
-- exist get the same answer (PT404): a refusal never tells a student that a hidden
-- assignment exists. A course, or a visible assignment, is refused with PT403.
-- Called by: the staff pages' api functions (api.staff_course_page, api.staff_assignment_page,
-- api.gradebook), first thing, so that a student or a stranger gets a reason, not an empty page.
-- Security: definer (finds a hidden assignment's course past the caller's RLS); returns only
-- the course id, and only to its staff.
-- Raises: PT401 'Not logged in'; PT404 'No course <name>' / 'No assignment <name>';
-- PT403 'This page is for the staff of <offering>'.
-- requires: auth.is_staff_of.sql
create or replace function app.require_staff(name text, kind text)
returns bigint
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found_id bigint;
  found_offering text;
  shown boolean := true;
begin
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  if require_staff.kind = 'course' then
    select c.id, c.offering into found_id, found_offering
    from app.courses as c where c.offering = require_staff.name;
  else
    select c.id, c.offering, a.visible into found_id, found_offering, shown
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.name = require_staff.name;
  end if;
  if found_id is not null and auth.is_staff_of(found_id) then
    return found_id;
  end if;
  if found_id is null or not shown then
    raise sqlstate 'PT404' using message = format('No %s %s', require_staff.kind, require_staff.name);
  end if;
  raise sqlstate 'PT403' using message = format('This page is for the staff of %s', found_offering);
end;
$$;

revoke all on function app.require_staff(text, text) from public;
grant execute on function app.require_staff(text, text) to ok_api;
