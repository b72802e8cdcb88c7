-- api.retry_job(job_id): run a failed or cancelled job again, as a new job with the same
-- kind, description and parameters (the old one keeps its log), started by the caller, so
-- its file is named for today. Answers {"job_id"} of the new job.
-- Called by: POST /staff/jobs/<id>/retry. Security: definer as ok_api: the job must be
-- visible under the caller's RLS, and the caller staff of its course now
-- (auth.is_staff_of); scheduled jobs (no course) are the scheduler's.
-- Raises: PT401; PT404 no such job; PT403 not staff of its course; PT409 not failed or
-- cancelled; PT429 (app.enqueue_job).
-- requires: app.require_login.sql, app.enqueue_job.sql
create or replace function api.retry_job(job_id bigint)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old app.jobs;
begin
  perform app.require_login();
  select j.* into old from app.jobs as j where j.id = retry_job.job_id;
  if old.id is null then
    raise sqlstate 'PT404' using message = format('No job %s', retry_job.job_id);
  end if;
  if old.course_id is null or not auth.is_staff_of(old.course_id) then
    raise sqlstate 'PT403' using message = 'Only the course''s staff can run its jobs again';
  end if;
  if old.status <> 'failed' then
    raise sqlstate 'PT409' using message = format('Job %s has not failed or been cancelled', old.id);
  end if;
  return jsonb_build_object('job_id',
    app.enqueue_job(old.course_id, old.name, old.description, old.params, old.priority, old.max_attempts));
end;
$$;

revoke all on function api.retry_job(bigint) from public;
alter function api.retry_job(bigint) owner to ok_api;
grant execute on function api.retry_job(bigint) to ok_user;
comment on function api.retry_job(bigint) is 'Run a failed or cancelled job again, as a new job (the course''s staff).';
