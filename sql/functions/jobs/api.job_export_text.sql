-- api.job_export_text(job_id, worker): the text of a course export job, computed as its
-- creator would see it now (app.held_job): export_grades the gradebook's CSV (app.grades_csv),
-- export_roster the roster's CSV, every role (app.roster_csv). Both are one query; the worker
-- stores the text as the job's file.
-- Called by: worker/jobs.py as ok_worker. Security: definer (app.held_job), then
-- app.require_staff under the creator's claims: one who is no longer staff exports nothing.
-- Raises: PT409 (app.held_job); PT401, PT403, PT404 (app.require_staff); PT422 a job of
-- another kind.
-- requires: app.held_job.sql, app.require_staff.sql, app.grades_csv.sql, app.roster_csv.sql
create or replace function api.job_export_text(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_export_text.job_id, job_export_text.worker);
  course bigint;
begin
  if held.name not in ('export_grades', 'export_roster') then
    raise sqlstate 'PT422' using message = format('Job %s is not a course export', held.id);
  end if;
  course := app.require_staff(held.params ->> 'target', 'course');
  if held.name = 'export_grades' then
    return app.grades_csv(course);
  end if;
  return app.roster_csv(course, enum_range(null::app.course_role));
end;
$$;

revoke all on function api.job_export_text(bigint, text) from public;
grant execute on function api.job_export_text(bigint, text) to ok_worker;
comment on function api.job_export_text(bigint, text) is 'The CSV of a grades or roster export job (worker).';
