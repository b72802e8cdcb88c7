-- api.v3_assignment_get(): GET /api/v3/assignment/<name> (x-ok-name): the assignment's dates
-- and settings; ok-client reads data.due_date (naive UTC) after every batch of backups.
-- Needs a login (no scope). Hidden assignments: 403 unless staff of the course.
-- Security: definer as ok_api (the caller's RLS applies) (RLS hides hidden assignments from all but the course's staff).
-- Answers: 401, 403 hidden, 404 unknown (data {} so the client carries on).
-- requires: v3.course.sql, v3.reply.sql, v3.time.sql, app.assignment_exists.sql
create or replace function api.v3_assignment_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found_row jsonb;
begin
  if auth.user_id() is null then
    return v3.reply(401, '{}', 'Not logged in');
  end if;
  select jsonb_build_object(
    'name', a.name, 'display_name', a.display_name,
    'due_date', v3.time(a.due_at), 'lock_date', v3.time(a.lock_at),
    'max_group_size', a.max_group_size, 'url', coalesce(a.url, ''),
    'files', case when a.template_files = '{}' then null else a.template_files end,
    'revisions_allowed', a.revisions_allowed, 'uploads_enabled', a.uploads_enabled,
    'course', v3.course(c)
  )
  into found_row
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = v3.header('x-ok-name');
  if found_row is null then
    if app.assignment_exists(v3.header('x-ok-name')) then
      return v3.reply(403, '{}', 'This assignment is not visible to you');
    end if;
    return v3.reply(404, '{}', format('Assignment %s does not exist', v3.header('x-ok-name')));
  end if;
  return v3.reply(200, found_row);
end;
$$;

revoke all on function api.v3_assignment_get() from public;
alter function api.v3_assignment_get() owner to ok_api;
grant execute on function api.v3_assignment_get() to ok_anon, ok_user;
comment on function api.v3_assignment_get() is 'GET /api/v3/assignment/<name>: due dates and settings.';
