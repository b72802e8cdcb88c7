-- api.staff_course_page(offering): everything the staff course page shows, in one call:
--   {"offering", "display_name", "timezone",
--    "assignments": [api.assignments rows of the course: name, display_name, due_at, lock_at,
--                    visible, max_group_size, published_score_kinds, timezone],
--    "requests": [api.extension_requests rows of the course, pending first],
--    "my_grading": [{"assignment", "tasks", "done", "next_key"}, ...] the caller's grading
--                  tasks across the course, per assignment (by due date), with the backup
--                  of their next open task (what "Grade next" opens),
--    "can_change": the caller may create and copy assignments (auth.is_ta_of),
--    "is_instructor": the caller may change settings and the roster (auth.is_instructor_of),
--    "default_max_group_size": what the "New assignment" form starts with,
--    "copy_sources": [{"offering", "display_name", "assignments": [{"word", "display_name",
--                    "due_at"}]}] other offerings of the same course whose staff the caller
--                    is (what "Copy from another offering" offers), newest first}
-- Called by: the staff course page (web/staff). Security: definer (app.require_staff finds
-- the course and refuses non-staff with a reason), handed to ok_api so that the rows are the
-- caller's under row-level security.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, api.assignments.sql, api.extension_requests.sql, app.hashid_encode.sql
-- requires: auth.is_ta_of.sql, auth.is_instructor_of.sql, auth.is_staff_of.sql
create or replace function api.staff_course_page(offering text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint;
  me bigint := auth.user_id();
begin
  -- first, and always: the refusal must not depend on which rows the caller can see
  allowed_course := app.require_staff(staff_course_page.offering, 'course');
  return (select jsonb_build_object(
    'offering', c.offering,
    'display_name', c.display_name,
    'timezone', c.timezone,
    'assignments', coalesce((
      select jsonb_agg(to_jsonb(a) order by a.due_at, a.name)
      from api.assignments as a where a.offering = c.offering
    ), '[]'::jsonb),
    'requests', coalesce((
      select jsonb_agg(to_jsonb(r) order by r.status = 'pending' desc, r.created_at desc)
      from api.extension_requests as r where r.offering = c.offering
    ), '[]'::jsonb),
    'my_grading', coalesce((
      select jsonb_agg(jsonb_build_object(
        'assignment', g.name, 'tasks', g.tasks, 'done', g.done, 'next_key', app.hashid_encode(g.next_backup)
      ) order by g.due_at, g.name)
      from (
        select a.name, a.due_at, count(*) as tasks, count(t.score_id) as done,
          (array_agg(t.backup_id order by t.id) filter (where t.score_id is null))[1] as next_backup
        from app.grading_tasks as t
        inner join app.assignments as a on t.assignment_id = a.id
        where t.course_id = c.id and t.grader_id = me
        group by a.name, a.due_at
      ) as g
    ), '[]'::jsonb),
    'can_change', auth.is_ta_of(c.id),
    'is_instructor', auth.is_instructor_of(c.id),
    'default_max_group_size', c.default_max_group_size,
    'copy_sources', coalesce((
      select jsonb_agg(jsonb_build_object(
        'offering', o.offering, 'display_name', o.display_name,
        'assignments', coalesce((
          select jsonb_agg(jsonb_build_object(
            'word', substr(a.name, length(o.offering) + 2), 'display_name', a.display_name, 'due_at', a.due_at
          ) order by a.due_at, a.name)
          from app.assignments as a where a.course_id = o.id
        ), '[]'::jsonb)
      ) order by o.created_at desc, o.offering)
      from app.courses as o
      where regexp_replace(o.offering, '/[^/]+$', '') = regexp_replace(c.offering, '/[^/]+$', '')
        and o.id <> c.id and auth.is_staff_of(o.id)
    ), '[]'::jsonb)
  )
  from app.courses as c
  where c.id = allowed_course);
end;
$$;

revoke all on function api.staff_course_page(text) from public;
grant execute on function api.staff_course_page(text) to ok_user;
alter function api.staff_course_page(text) owner to ok_api;
comment on function api.staff_course_page(text) is
'The staff course page: the course, its assignments and its extension requests (staff only).';
