-- api.start_export(target, what, anonymized): start an export as a job, for the staff of a
-- course: what 'grades' or 'roster' of a course (target: its offering), 'final_submissions'
-- (a zip: a folder per student or group with their files and a metadata file; anonymized:
-- pseudonymous names, analytics.student_key) or 'backups' (every backup as JSON Lines, for
-- research, always pseudonymous) of an assignment (target: its name). The worker writes the
-- file (worker/jobs.py); the job's page shows progress and then the download. Answers
-- {"job_id"}.
-- Called by: POST /staff/<offering>/exports, POST /staff/<assignment>/exports.
-- Security: definer as ok_api (the caller's RLS); the course's staff and admins
-- (app.require_staff).
-- Raises: PT401, PT403, PT404 (app.require_staff); PT422 an unknown export, anonymized for
-- anything but final submissions; PT429 (app.enqueue_job).
-- requires: app.require_staff.sql, app.enqueue_job.sql
create or replace function api.start_export(target text, what text, anonymized boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  of_assignment boolean := start_export.what in ('final_submissions', 'backups');
  course bigint;
  title text;
  assignment_id bigint;
begin
  if start_export.what is null or start_export.what not in ('grades', 'roster', 'final_submissions', 'backups') then
    raise sqlstate 'PT422' using message = format(
      'No export %L: grades, roster, final_submissions or backups', start_export.what);
  end if;
  if coalesce(start_export.anonymized, false) and start_export.what <> 'final_submissions' then
    raise sqlstate 'PT422' using message = 'Only final submissions have an anonymized export (backups always are)';
  end if;
  course := app.require_staff(start_export.target, case when of_assignment then 'assignment' else 'course' end);
  if of_assignment then
    select a.id, a.display_name into assignment_id, title from app.assignments as a where a.name = start_export.target;
  else
    select c.display_name into title from app.courses as c where c.id = course;
  end if;
  return jsonb_build_object('job_id', app.enqueue_job(
    course, 'export_' || start_export.what,
    case start_export.what
      when 'grades' then format('Grades of %s (CSV)', title)
      when 'roster' then format('Roster of %s (CSV)', title)
      when 'final_submissions' then format('Final submissions of %s (zip%s)', title,
                                           case when start_export.anonymized then ', anonymized' else '' end)
      else format('All backups of %s (JSON Lines, pseudonymous)', title)
    end,
    jsonb_build_object('target', start_export.target, 'assignment_id', assignment_id,
                       'anonymized', coalesce(start_export.anonymized, false))
  ));
end;
$$;

revoke all on function api.start_export(text, text, boolean) from public;
alter function api.start_export(text, text, boolean) owner to ok_api;
grant execute on function api.start_export(text, text, boolean) to ok_user;
comment on function api.start_export(text, text, boolean) is
'Start an export (grades, roster, final submissions, backups) as a background job (course staff).';
