-- app.v3_course(course): a course as /api/v3 shows it: {id, offering, display_name, active,
-- timezone}. Called by: the api.v3_* functions and app.v3_participations.
-- Security: invoker. Raises nothing.
create or replace function app.v3_course(course app.courses)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', course.id, 'offering', course.offering, 'display_name', course.display_name,
    'active', course.active, 'timezone', course.timezone
  )
$$;

revoke all on function app.v3_course(app.courses) from public;
grant execute on function app.v3_course(app.courses) to ok_api;
