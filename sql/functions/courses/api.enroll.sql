-- api.enroll(offering, email, role, sid, section, name): enroll a user in a course with one
-- role, creating the user on first sight; enrolling again changes role, sid and section.
-- Called by: okadmin enroll, the roster page (add a person; change a role or section).
-- Security: definer as ok_api (the caller's RLS applies); site admins, or instructors of the course (readers and TAs cannot
-- change enrollment, unlike the original).
-- Raises: PT401 not logged in; PT404 unknown course; PT403 not an instructor of it;
-- PT422 unknown role or malformed email; PT409 a role change that leaves no instructor
-- (app.keep_an_instructor).
-- requires: app.require_instructor.sql, app.ensure_user.sql, app.course_role_from_text.sql
-- requires: app.email_is_valid.sql, app.keep_an_instructor.sql
create or replace function api.enroll(
  offering text,
  email text,
  role text,
  sid text default null,
  section text default null,
  name text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course_id bigint := app.require_instructor(offering, 'change enrollment');
  course_role app.course_role := app.course_role_from_text(enroll.role);
  member_id bigint;
  result app.enrollments;
  previous_role app.course_role;
begin
  if course_role is null then
    raise sqlstate 'PT422' using
      message = format('Unknown role %L: expected student, lab assistant, reader, TA or instructor', role);
  end if;
  if not app.email_is_valid(email) then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', email);
  end if;

  member_id := app.ensure_user(btrim(email), enroll.name);
  select e.role into previous_role
  from app.enrollments as e inner join app.courses as c on e.course_id = c.id
  where e.user_id = member_id and c.offering = enroll.offering;

  insert into app.enrollments as e (user_id, course_id, role, sid, section)
  values (member_id, course_id, course_role, nullif(btrim(sid), ''), nullif(btrim(section), ''))
  on conflict on constraint enrollments_pkey do update
  set role = excluded.role,
      sid = coalesce(excluded.sid, e.sid),
      section = coalesce(excluded.section, e.section)
  returning e.* into result;
  if previous_role = 'instructor' and course_role <> 'instructor' then  -- perhaps the last one
    perform app.keep_an_instructor(course_id);
  end if;

  return jsonb_build_object(
    'offering', offering, 'email', btrim(email), 'user_id', member_id,
    'role', result.role, 'sid', result.sid, 'section', result.section
  );
end;
$$;

revoke all on function api.enroll(text, text, text, text, text, text) from public;
alter function api.enroll(text, text, text, text, text, text) owner to ok_api;
grant execute on function api.enroll(text, text, text, text, text, text) to ok_user;
comment on function api.enroll(text, text, text, text, text, text) is
'Enroll a user in a course with one role (instructors and admins).';
