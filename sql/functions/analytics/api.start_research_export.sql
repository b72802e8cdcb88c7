-- api.start_research_export(offering): an admin starts the research export of a course: a job
-- ("research_export"; the worker runs api.job_research_export page by page) that writes a zip
-- of JSON Lines files, one per analytics snapshot, with the course's rows only, the same
-- pseudonyms as the views, and the data dictionary (README.md) alongside. It reads the
-- snapshots as last refreshed (analytics.snapshot says when; refresh first for the latest).
-- Answers {"job_id"}.
-- Called by: POST /admin/analytics/export. Security: definer as ok_api after
-- app.require_admin. Raises: PT401, PT403 (app.require_admin); PT404 no such course; PT429
-- (app.enqueue_job).
-- requires: app.require_admin.sql, app.enqueue_job.sql
create or replace function api.start_research_export(offering text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course app.courses;
begin
  perform app.require_admin();
  select c.* into course from app.courses as c where c.offering = start_research_export.offering;
  if course.id is null then
    raise sqlstate 'PT404' using message = format('No course %s', coalesce(start_research_export.offering, ''));
  end if;
  return jsonb_build_object('job_id', app.enqueue_job(
    course.id, 'research_export', format('Research export of %s (pseudonymous, JSON Lines)', course.display_name),
    jsonb_build_object('target', course.offering)
  ));
end;
$$;

revoke all on function api.start_research_export(text) from public;
alter function api.start_research_export(text) owner to ok_api;
grant execute on function api.start_research_export(text) to ok_user;
comment on function api.start_research_export(text) is
'Start a pseudonymous research export of a course (JSON Lines and a data dictionary), as a job (site admins).';
