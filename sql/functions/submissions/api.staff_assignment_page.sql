-- api.staff_assignment_page(name): everything the staff assignment page shows, in one call:
--   {"name", "display_name", "offering", "timezone" (the course's; extensions are shown and
--    the grant form is read in it), "published" (the kinds of score students see),
--    "finals": [api.final_submissions rows: the backup that counts for each unit and why],
--    "progress": [api.grading_progress rows: each grader's done and remaining tasks],
--    "unqueued": how many final submissions are in no grading queue,
--    "extended": [api.deadlines rows with an extension: email, extended_until, reason],
--    "autograder": {"url" (the course's, or null), "key", "continuous", "tasks": {status:
--    count} of the backups sent to it (app.autograder_tasks), "last_sent" (course time)}}
-- Called by: the staff assignment page (web/staff). Security: definer (app.require_staff
-- refuses non-staff with a reason, hidden assignments included), handed to ok_api so that
-- every part is what the caller's row-level security and the api functions let them see.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, api.assignments.sql, api.final_submissions.sql
-- requires: api.grading_progress.sql, api.unqueued_submissions.sql, api.deadlines.sql
-- requires: app.course_time_text.sql
create or replace function api.staff_assignment_page(name text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint;
begin
  -- first, and always: the refusal must not depend on which rows the caller can see
  allowed_course := app.require_staff(staff_assignment_page.name, 'assignment');
  return (select jsonb_build_object(
    'name', a.name,
    'display_name', a.display_name,
    'offering', c.offering,
    'timezone', c.timezone,
    'published', to_jsonb(a.published_score_kinds),
    'finals', coalesce((
      select jsonb_agg(to_jsonb(f)) from api.final_submissions(a.name) as f
    ), '[]'::jsonb),
    'progress', coalesce((
      select jsonb_agg(to_jsonb(p) order by p.remaining desc, p.grader)
      from api.grading_progress as p where p.assignment = a.name
    ), '[]'::jsonb),
    'unqueued', (select count(*) from api.unqueued_submissions(a.name)),
    'extended', coalesce((
      select jsonb_agg(to_jsonb(d) order by d.email)
      from api.deadlines(a.name) as d where d.extended_until is not null
    ), '[]'::jsonb),
    'autograder', jsonb_build_object(
      'url', c.autograder_url, 'key', a.autograder_key, 'continuous', a.continuous_autograding,
      'tasks', (select coalesce(jsonb_object_agg(t.status, t.n), '{}')
                from (select x.status, count(*) as n from app.autograder_tasks as x
                      where x.assignment_id = a.id group by x.status) as t),
      'last_sent', (select app.course_time_text(max(x.sent_at), c.timezone)
                    from app.autograder_tasks as x where x.assignment_id = a.id))
  )
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.course_id = allowed_course and a.name = staff_assignment_page.name);
end;
$$;

revoke all on function api.staff_assignment_page(text) from public;
grant execute on function api.staff_assignment_page(text) to ok_user;
alter function api.staff_assignment_page(text) owner to ok_api;
comment on function api.staff_assignment_page(text) is
'The staff assignment page: final submissions, grading progress, unqueued count, extensions, autograder (staff only).';
