-- api.assignment_settings_page(name): everything the assignment settings page shows, in one
-- call: the assignment's settings, its dates as instants and as the course's wall-clock time
-- for the date inputs (due_local, lock_local: 'YYYY-MM-DDTHH:MI', read back in the same zone
-- by api.update_assignment), the course's time zone and autograder address, the template
-- files with their sizes, and whether the caller may change them (can_change: TAs,
-- instructors, admins; readers and lab assistants see the page read-only).
-- Called by: GET /staff/<assignment>/settings. Security: definer as ok_api; the course's
-- staff (app.require_staff finds a hidden assignment's course and refuses with a reason).
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, auth.is_ta_of.sql
create or replace function api.assignment_settings_page(name text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(assignment_settings_page.name, 'assignment');
begin
  return (select jsonb_build_object(
    'name', a.name, 'display_name', a.display_name, 'offering', c.offering,
    'course_display_name', c.display_name, 'timezone', c.timezone,
    'due_at', a.due_at, 'lock_at', a.lock_at,
    'due_local', to_char(a.due_at at time zone c.timezone, 'YYYY-MM-DD"T"HH24:MI'),
    'lock_local', to_char(a.lock_at at time zone c.timezone, 'YYYY-MM-DD"T"HH24:MI'),
    'max_group_size', a.max_group_size, 'revisions_allowed', a.revisions_allowed, 'visible', a.visible,
    'uploads_enabled', a.uploads_enabled, 'upload_info', a.upload_info, 'url', a.url,
    'autograder_key', a.autograder_key, 'continuous_autograding', a.continuous_autograding,
    'reminder_hours', a.reminder_hours, 'reminder_sent', app.course_time_text(a.reminder_sent_at, c.timezone),
    'autograder_url', c.autograder_url,
    'published_score_kinds', to_jsonb(a.published_score_kinds),
    'template_files', coalesce((
      select jsonb_agg(jsonb_build_object(
        'filename', f.key, 'bytes', octet_length(f.value #>> '{}'),
        'lines', cardinality(string_to_array(f.value #>> '{}', E'\n'))
      ) order by f.key)
      from jsonb_each(a.template_files) as f
    ), '[]'::jsonb),
    'can_change', auth.is_ta_of(c.id)
  )
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = assignment_settings_page.name and a.course_id = allowed_course);
end;
$$;

revoke all on function api.assignment_settings_page(text) from public;
alter function api.assignment_settings_page(text) owner to ok_api;
grant execute on function api.assignment_settings_page(text) to ok_user;
comment on function api.assignment_settings_page(text) is
'The assignment settings page: dates in the course''s zone, group size, uploads, autograder, templates (staff).';
