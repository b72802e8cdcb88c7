-- v3.participations(user_id): a user's course participations as /api/v3 shows them
-- (course_id, role in okpy/ok's names, class_account, section, course; no SID), newest course
-- first. Called by: api.v3_user_get, api.v3_enrollment_get. Security: invoker. Raises nothing.
-- requires: v3.course.sql, v3.role_name.sql
create or replace function v3.participations(user_id bigint)
returns jsonb
language sql
stable
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'course_id', c.id, 'role', v3.role_name(e.role::text),
    'class_account', e.class_account, 'section', e.section, 'course', v3.course(c)
  ) order by c.created_at desc), '[]'::jsonb)
  from app.enrollments as e
  inner join app.courses as c on e.course_id = c.id
  where e.user_id = participations.user_id
$$;

revoke all on function v3.participations(bigint) from public;
grant execute on function v3.participations(bigint) to ok_api;
