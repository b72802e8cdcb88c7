-- api.admin_courses_page(): the admin's list of every course, in one call:
--   [{"offering", "display_name", "term" (app.term_label), "timezone", "active", "students",
--     "staff", "assignments", "created_at"}], active first, newest term first.
-- Called by: GET /admin/ (the admin pages' first tab, beside "Create a course").
-- Security: definer (ok_owner) after app.require_admin: admins see every course.
-- Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql, app.term_label.sql, auth.staff_roles.sql
create or replace function api.admin_courses_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'offering', c.offering, 'display_name', c.display_name, 'term', t.label, 'timezone', c.timezone,
      'active', c.active, 'created_at', c.created_at,
      'students', (select count(*) from app.enrollments as e where e.course_id = c.id and e.role = 'student'),
      'staff', (select count(*) from app.enrollments as e where e.course_id = c.id and e.role::text = any(auth.staff_roles())),
      'assignments', (select count(*) from app.assignments as a where a.course_id = c.id)
    ) order by c.active desc, t.sort_key desc, c.display_name, c.offering)
    from app.courses as c cross join lateral app.term_label(c.offering, c.term) as t
  ), '[]'::jsonb);
end;
$$;

revoke all on function api.admin_courses_page() from public;
grant execute on function api.admin_courses_page() to ok_user;
comment on function api.admin_courses_page() is 'Every course with its counts (site admins).';
