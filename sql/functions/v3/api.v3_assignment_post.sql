-- api.v3_assignment_post(...): POST /api/v3/assignment/<name> (x-ok-name): create the
-- assignment (display_name, due_date and lock_date required), or change the settings of an
-- existing one: only the fields sent change (okpy/ok reset unsent ones, so an update without
-- "visible" un-hid the assignment: fixed). Dates without an offset are course-local. TAs and
-- instructors of the course (and admins); readers cannot.
-- Security: definer as ok_api (the caller's RLS applies). Answers 400 (missing or bad field, lock before due), 401, 403 (not
-- staff), 404 (no course for the name); success data {}.
-- requires: v3.auth_error.sql, app.parse_course_time.sql
-- requires: auth.is_ta_of.sql
create or replace function api.v3_assignment_post(
  display_name text default null,
  due_date text default null,
  lock_date text default null,
  max_group_size integer default null,
  url text default null,
  revisions_allowed boolean default null,
  autograding_key text default null,
  continuous_autograding boolean default null,
  uploads_enabled boolean default null,
  upload_info text default null,
  visible boolean default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  assignment_name text := v3.header('x-ok-name');
  course app.courses;
  existing app.assignments;
  due_at timestamptz;
  lock_at timestamptz;
begin
  if denied is not null then
    return denied;
  end if;
  select c.* into course from app.courses as c where c.offering = regexp_replace(assignment_name, '/\w+$', '');
  if course.id is null then
    return v3.reply(404, '{}', 'No course for ' || assignment_name);
  end if;
  if not auth.is_ta_of(course.id) then
    return v3.reply(403, '{}', 'Only staff of ' || course.offering || ' can change its assignments');
  end if;
  select a.* into existing from app.assignments as a where a.name = assignment_name;
  if existing.id is null and (display_name is null or due_date is null or lock_date is null) then
    return v3.reply(400, '{}', 'display_name, due_date and lock_date are required');
  end if;
  if btrim(display_name) = '' then
    return v3.reply(400, '{}', 'display_name must not be empty');
  end if;
  begin
    due_at := case when due_date is null then existing.due_at else app.parse_course_time(due_date, course.timezone) end;
    lock_at := case when lock_date is null then existing.lock_at else app.parse_course_time(lock_date, course.timezone) end;
  exception
    when sqlstate 'PT422' then
      return v3.reply(400, '{}', sqlerrm);
  end;
  if lock_at < due_at then
    return v3.reply(400, '{}', 'The lock date must not be before the due date');
  end if;
  if max_group_size < 1 then
    return v3.reply(400, '{}', 'max_group_size must be at least 1');
  end if;
  insert into app.assignments as a (
    course_id, name, display_name, due_at, lock_at, max_group_size, url, revisions_allowed,
    autograder_key, continuous_autograding, uploads_enabled, upload_info, visible, creator_id
  )
  values (
    course.id, assignment_name, btrim(display_name), due_at, lock_at, coalesce(max_group_size, 1), coalesce(url, ''),
    coalesce(revisions_allowed, false), autograding_key, coalesce(continuous_autograding, false),
    coalesce(uploads_enabled, true), upload_info, coalesce(visible, true), auth.user_id()
  )
  on conflict on constraint assignments_name_key do update
  set display_name = coalesce(btrim(v3_assignment_post.display_name), a.display_name),
      due_at = excluded.due_at,
      lock_at = excluded.lock_at,
      max_group_size = coalesce(v3_assignment_post.max_group_size, a.max_group_size),
      url = coalesce(v3_assignment_post.url, a.url),
      revisions_allowed = coalesce(v3_assignment_post.revisions_allowed, a.revisions_allowed),
      autograder_key = coalesce(v3_assignment_post.autograding_key, a.autograder_key),
      continuous_autograding = coalesce(v3_assignment_post.continuous_autograding, a.continuous_autograding),
      uploads_enabled = coalesce(v3_assignment_post.uploads_enabled, a.uploads_enabled),
      upload_info = coalesce(v3_assignment_post.upload_info, a.upload_info),
      visible = coalesce(v3_assignment_post.visible, a.visible);
  return v3.reply(200, '{}');
end;
$$;

revoke all on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
from public;
alter function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean) owner to ok_api;
grant execute on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
to ok_anon, ok_user;
comment on function api.v3_assignment_post(text, text, text, integer, text, boolean, text, boolean, boolean, text, boolean)
is 'POST /api/v3/assignment/<name>: create or update an assignment (staff).';
