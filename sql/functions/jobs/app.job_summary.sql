-- app.job_summary(job, timezone): a job as pages show it, said once: id, kind, description,
-- state (queued, waiting to retry, running, finished, failed, cancelled: a cancelled job is
-- stored failed with cancelled_at), progress (0..1), attempts and max_attempts, the times
-- (created, started, finished, retry: course-local text with the zone's abbreviation), error,
-- result, and its file (name, bytes, expires, downloadable: finished and not expired).
-- Called by: api.jobs_page, api.job_page. Security: invoker (the caller already read the job
-- under RLS). Raises nothing.
-- requires: app.course_time_text.sql
create or replace function app.job_summary(job app.jobs, timezone text)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', job.id,
    'kind', job.name,
    'description', job.description,
    'state', case
      when job.cancelled_at is not null then 'cancelled'
      when job.status = 'queued' and job.attempts > 0 then 'waiting to retry'
      else job.status::text
    end,
    'active', job.status in ('queued', 'running'),
    'cancel_requested', job.cancel_requested,
    'progress', job.progress,
    'attempts', job.attempts,
    'max_attempts', job.max_attempts,
    'created', app.course_time_text(job.created_at, timezone),
    'started', app.course_time_text(job.started_at, timezone),
    'finished', app.course_time_text(job.finished_at, timezone),
    'retry_at', case when job.status = 'queued' and job.attempts > 0 then app.course_time_text(job.run_after, timezone) end,
    'error', job.error,
    'result', job.result,
    'file', case when job.file_name is not null then jsonb_build_object(
      'name', job.file_name,
      'bytes', job.file_bytes,
      'expires', app.course_time_text(job.file_expires_at, timezone),
      'downloadable', job.status = 'finished' and job.file_bytes is not null and job.file_expires_at > now()
    ) end
  )
$$;

revoke all on function app.job_summary(app.jobs, text) from public;
grant execute on function app.job_summary(app.jobs, text) to ok_api;
