-- api.unenroll(offering, email): take a person off a course's roster. Their backups, scores
-- and group history stay (the audit trail and the gradebook's archive keep them); they no
-- longer see the course, and staff pages no longer list them. A course keeps at least one
-- instructor (app.keep_an_instructor).
-- Called by: the roster page (each person's Unenroll button).
-- Security: definer as ok_api (the caller's RLS applies: enrollments_write is for the
-- course's instructors); instructors and admins (app.require_instructor).
-- Raises: PT401, PT403, PT404 (app.require_instructor); PT404 not enrolled; PT409 the last
-- instructor (app.keep_an_instructor).
-- requires: app.require_instructor.sql, app.keep_an_instructor.sql
create or replace function api.unenroll(offering text, email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target_course bigint := app.require_instructor(unenroll.offering, 'change enrollment');
  removed app.enrollments;
begin
  delete from app.enrollments as e
  using app.users as u
  where e.user_id = u.id and e.course_id = target_course and lower(u.email) = lower(btrim(coalesce(unenroll.email, '')))
  returning e.* into removed;
  if removed.user_id is null then
    raise sqlstate 'PT404' using message = format('%s is not enrolled in %s', coalesce(btrim(unenroll.email), '(no email)'), offering);
  end if;
  if removed.role = 'instructor' then
    perform app.keep_an_instructor(target_course);
  end if;
  return jsonb_build_object('offering', offering, 'email', btrim(unenroll.email), 'role', removed.role);
end;
$$;

revoke all on function api.unenroll(text, text) from public;
alter function api.unenroll(text, text) owner to ok_api;
grant execute on function api.unenroll(text, text) to ok_user;
comment on function api.unenroll(text, text) is
'Take a person off a course''s roster; the last instructor stays (instructors, admins).';
