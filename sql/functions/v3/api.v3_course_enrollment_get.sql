-- api.v3_course_enrollment_get(): GET /api/v3/course/<offering>/enrollment and
-- .../export/enrollment (x-ok-offering, x-ok-export-token): everyone enrolled, by role, keyed
-- by okpy/ok's role names (student, lab assistant, grader, staff, instructor).
-- Security: definer, after v3.course_access() admitted the caller (staff or export token).
-- Answers 401/403/404 from v3.course_access().
-- requires: v3.course_access.sql, v3.role_name.sql
create or replace function api.v3_course_enrollment_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  access jsonb := v3.course_access();
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  return v3.reply(200, (
    select jsonb_build_object('student', '[]'::jsonb, 'lab assistant', '[]'::jsonb, 'grader', '[]'::jsonb,
                              'staff', '[]'::jsonb, 'instructor', '[]'::jsonb)
      || coalesce(jsonb_object_agg(r.role_name, r.people), '{}'::jsonb)
    from (
      select v3.role_name(e.role::text) as role_name,
             jsonb_agg(jsonb_build_object('id', app.hashid_encode(u.id), 'email', u.email) order by u.email) as people
      from app.enrollments as e
      inner join app.users as u on e.user_id = u.id
      where e.course_id = (access ->> 'course_id')::bigint
      group by e.role
    ) as r
  ));
end;
$$;

revoke all on function api.v3_course_enrollment_get() from public;
grant execute on function api.v3_course_enrollment_get() to ok_anon, ok_user;
comment on function api.v3_course_enrollment_get() is
'GET /api/v3/course/<offering>/[export/]enrollment: enrollment by role (staff or export token).';
