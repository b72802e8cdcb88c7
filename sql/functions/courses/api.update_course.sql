-- api.update_course(offering, display_name, timezone, active): change a course's settings.
-- Instructors of the course and admins only (okpy/ok let readers and TAs do it).
-- Security: definer as ok_api (the caller's RLS applies) (RLS: courses_update is for instructors). Raises: PT401; PT404 unknown
-- course; PT403 not an instructor; PT422 empty name or unknown timezone.
-- requires: app.require_instructor.sql
create or replace function api.update_course(
  offering text, display_name text default null, timezone text default null, active boolean default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  saved app.courses;
  target_id bigint := app.require_instructor(offering, 'change course settings');
begin
  if display_name is not null and btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  if timezone is not null and not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = timezone) then
    raise sqlstate 'PT422' using message = format('Unknown timezone %L', timezone);
  end if;
  update app.courses as c
  set display_name = coalesce(btrim(update_course.display_name), c.display_name),
      timezone = coalesce(update_course.timezone, c.timezone),
      active = coalesce(update_course.active, c.active)
  where c.id = target_id
  returning c.* into saved;
  return jsonb_build_object('offering', saved.offering, 'display_name', saved.display_name,
                            'timezone', saved.timezone, 'active', saved.active);
end;
$$;

revoke all on function api.update_course(text, text, text, boolean) from public;
alter function api.update_course(text, text, text, boolean) owner to ok_api;
grant execute on function api.update_course(text, text, text, boolean) to ok_user;
comment on function api.update_course(text, text, text, boolean) is 'Change course settings (instructors).';
