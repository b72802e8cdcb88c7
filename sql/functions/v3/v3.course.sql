-- v3.course(course): a course as /api/v3 shows it: {id, offering, display_name, active,
-- timezone}. Called by: the api.v3_* functions and v3.participations.
-- Security: invoker. Raises nothing.
create or replace function v3.course(course app.courses)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', course.id, 'offering', course.offering, 'display_name', course.display_name,
    'active', course.active, 'timezone', course.timezone
  )
$$;

revoke all on function v3.course(app.courses) from public;
grant execute on function v3.course(app.courses) to ok_api;
