-- app.v3_participations(user_id): a user's course participations as /api/v3 shows them
-- (course_id, role in okpy/ok's names, class_account, section, course; no SID), newest course
-- first. Called by: api.v3_user_get, api.v3_enrollment_get. Security: invoker. Raises nothing.
-- requires: app.v3_course.sql, app.v3_role_name.sql
create or replace function app.v3_participations(user_id bigint)
returns jsonb
language sql
stable
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'course_id', c.id, 'role', app.v3_role_name(e.role::text),
    'class_account', e.class_account, 'section', e.section, 'course', app.v3_course(c)
  ) order by c.created_at desc), '[]'::jsonb)
  from app.enrollments as e
  inner join app.courses as c on e.course_id = c.id
  where e.user_id = v3_participations.user_id
$$;

revoke all on function app.v3_participations(bigint) from public;
grant execute on function app.v3_participations(bigint) to ok_api;
