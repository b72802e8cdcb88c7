-- api.v3_assignment_post(...): POST /api/v3/assignment/<name> (x-ok-name): create the
-- assignment, or overwrite the settings of an existing one. Dates without an offset are
-- course-local. TAs and instructors of the course (and admins); readers cannot.
-- Security: definer as ok_api (the caller's RLS applies). Answers 400 (missing or bad field, lock before due), 401, 403 (not
-- staff), 404 (no course for the name); success data {}.
-- requires: app.v3_auth_error.sql, app.parse_course_time.sql
create or replace function api.v3_assignment_post(
  display_name text default null,
  due_date text default null,
  lock_date text default null,
  max_group_size integer default 1,
  url text default '',
  revisions_allowed boolean default false,
  autograding_key text default null,
  continuous_autograding boolean default false,
  uploads_enabled boolean default true,
  upload_info text default null,
  visible boolean default true
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := app.v3_auth_error('all');
  assignment_name text := app.v3_header('x-ok-name');
  course app.courses;
  due_at timestamptz;
  lock_at timestamptz;
begin
  if denied is not null then
    return denied;
  end if;
  select c.* into course from app.courses as c where c.offering = regexp_replace(assignment_name, '/\w+$', '');
  if course.id is null then
    return app.v3_reply(404, '{}', 'No course for ' || assignment_name);
  end if;
  if not auth.is_admin() and not course.id = any(auth.course_ids('ta', 'instructor')) then
    return app.v3_reply(403, '{}', 'Only staff of ' || course.offering || ' can change its assignments');
  end if;
  if display_name is null or btrim(display_name) = '' or due_date is null or lock_date is null then
    return app.v3_reply(400, '{}', 'display_name, due_date and lock_date are required');
  end if;
  begin
    due_at := app.parse_course_time(due_date, course.timezone);
    lock_at := app.parse_course_time(lock_date, course.timezone);
  exception
    when sqlstate 'PT422' then
      return app.v3_reply(400, '{}', sqlerrm);
  end;
  if lock_at < due_at then
    return app.v3_reply(400, '{}', 'The lock date must not be before the due date');
  end if;
  if coalesce(max_group_size, 1) < 1 then
    return app.v3_reply(400, '{}', 'max_group_size must be at least 1');
  end if;
  insert into app.assignments as a (
    course_id, name, display_name, due_at, lock_at, max_group_size, url, revisions_allowed,
    autograder_key, continuous_autograding, uploads_enabled, upload_info, visible, creator_id
  )
  values (
    course.id, assignment_name, btrim(display_name), due_at, lock_at, coalesce(max_group_size, 1), url,
    coalesce(revisions_allowed, false), autograding_key, coalesce(continuous_autograding, false),
    coalesce(uploads_enabled, true), upload_info, coalesce(visible, true), auth.user_id()
  )
  on conflict on constraint assignments_name_key do update
  set display_name = excluded.display_name, due_at = excluded.due_at, lock_at = excluded.lock_at,
      max_group_size = excluded.max_group_size, url = excluded.url,
      revisions_allowed = excluded.revisions_allowed, autograder_key = excluded.autograder_key,
      continuous_autograding = excluded.continuous_autograding,
      uploads_enabled = excluded.uploads_enabled, upload_info = excluded.upload_info,
      visible = excluded.visible;
  return app.v3_reply(200, '{}');
end;
$$;

revoke all on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
from public;
alter function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean) owner to ok_api;
grant execute on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
to ok_anon, ok_user;
comment on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
is 'POST /api/v3/assignment/<name>: create or update an assignment (staff).';
