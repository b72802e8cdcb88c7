-- app.require_instructor(offering, doing): the course an instructor-only change acts on,
-- said once for course settings, enrolment and the export token: the caller must be signed
-- in, the course must exist, and the caller must be one of its instructors or a site admin.
-- Called by: api.update_course, api.enroll, api.rotate_export_token, api.course_settings_page,
-- api.unenroll, api.roster_import.
-- Security: invoker (inside those ok_api definers; courses are visible to who may change them).
-- Raises: PT401 'Not logged in'; PT404 'No course <offering>'; PT403 'Only instructors of
-- <offering> can <doing>'.
-- requires: app.require_login.sql, auth.is_instructor_of.sql
create or replace function app.require_instructor(offering text, doing text)
returns bigint
language plpgsql
stable
as $$
declare
  found_id bigint;
begin
  perform app.require_login();
  select c.id into found_id from app.courses as c where c.offering = require_instructor.offering;
  if found_id is null then
    raise sqlstate 'PT404' using message = format('No course %s', require_instructor.offering);
  end if;
  if not auth.is_instructor_of(found_id) then
    raise sqlstate 'PT403' using
      message = format('Only instructors of %s can %s', require_instructor.offering, require_instructor.doing);
  end if;
  return found_id;
end;
$$;

revoke all on function app.require_instructor(text, text) from public;
grant execute on function app.require_instructor(text, text) to ok_api;
