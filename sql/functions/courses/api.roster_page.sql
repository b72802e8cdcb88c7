-- api.roster_page(offering, section, role): everything the roster page shows, in one call:
--   {"offering", "display_name", "can_change" (instructors and admins change the roster),
--    "section", "role" (the filters, as given),
--    "sections": [{"section", "students"}] every section of the course with its students,
--    "roles": [{"role", "label", "people"}] how many hold each role,
--    "people": [{"email", "name", "sid", "section", "role", "role_label", "enrolled_at"}] the
--              enrolled people of that section and role (all when null), staff first, by email}
-- Called by: GET /staff/<offering>/roster. Security: definer as ok_api (the caller's RLS
-- applies: a course's staff read its enrollments); the course's staff (app.require_staff).
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, auth.is_instructor_of.sql, app.course_role_label.sql
-- requires: app.course_role_from_text.sql
create or replace function api.roster_page(offering text, section text default null, role text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(roster_page.offering, 'course');
  wanted_role app.course_role := app.course_role_from_text(roster_page.role);
begin
  return (select jsonb_build_object(
    'offering', c.offering, 'display_name', c.display_name, 'can_change', auth.is_instructor_of(c.id),
    'section', roster_page.section, 'role', wanted_role,
    'sections', coalesce((
      select jsonb_agg(jsonb_build_object('section', s.section, 'students', s.students) order by s.section)
      from (
        select e.section, count(*) filter (where e.role = 'student') as students
        from app.enrollments as e where e.course_id = c.id and e.section is not null
        group by e.section
      ) as s
    ), '[]'::jsonb),
    'roles', (
      select jsonb_agg(jsonb_build_object('role', r.value, 'label', app.course_role_label(r.value), 'people', (
        select count(*) from app.enrollments as e where e.course_id = c.id and e.role = r.value
      )) order by r.value desc)
      from unnest(enum_range(null::app.course_role)) as r (value)
    ),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object(
        'email', u.email, 'name', u.name, 'sid', e.sid, 'section', e.section, 'role', e.role,
        'role_label', app.course_role_label(e.role), 'enrolled_at', e.created_at
      ) order by e.role desc, lower(u.email))
      from app.enrollments as e inner join app.users as u on e.user_id = u.id
      where e.course_id = c.id
        and (roster_page.section is null or e.section = roster_page.section)
        and (wanted_role is null or e.role = wanted_role)
    ), '[]'::jsonb)
  )
  from app.courses as c where c.id = allowed_course);
end;
$$;

revoke all on function api.roster_page(text, text, text) from public;
alter function api.roster_page(text, text, text) owner to ok_api;
grant execute on function api.roster_page(text, text, text) to ok_user;
comment on function api.roster_page(text, text, text) is
'The roster page: the course''s people by section and role, with counts (staff; instructors change it).';
