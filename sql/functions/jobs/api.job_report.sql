-- api.job_report(job_id, worker, progress, log, lease_seconds): a running job's heartbeat:
-- renews its lease, records its progress (a fraction, kept between 0 and 1) and appends
-- lines to its log (the log keeps its last 1 MB). Answers whether staff asked to cancel the
-- job: the worker then stops and calls api.job_finish, which ends it cancelled.
-- Called by: worker/jobs.py every few seconds while a job runs, as ok_worker.
-- Security: definer (app.held_job: only the worker holding the job reports on it).
-- Raises: PT409 the job is no longer this worker's (app.held_job); PT422 a lease outside
-- 2..3600 s.
-- requires: app.held_job.sql
create or replace function api.job_report(
  job_id bigint, worker text, progress numeric default null, log text default '', lease_seconds integer default 60
)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_report.job_id, job_report.worker);
  cancel boolean;
begin
  if job_report.lease_seconds is null or job_report.lease_seconds not between 2 and 3600 then
    raise sqlstate 'PT422' using message = 'A lease is 2 to 3600 seconds';
  end if;
  update app.jobs as j
  set lease_expires_at = now() + make_interval(secs => job_report.lease_seconds),
      progress = coalesce(least(1, greatest(0, job_report.progress)), j.progress),
      log = right(j.log || coalesce(job_report.log, ''), 1048576)
  where j.id = held.id
  returning j.cancel_requested into cancel;
  return cancel;
end;
$$;

revoke all on function api.job_report(bigint, text, numeric, text, integer) from public;
grant execute on function api.job_report(bigint, text, numeric, text, integer) to ok_worker;
comment on function api.job_report(bigint, text, numeric, text, integer) is
'A running job''s heartbeat: renew the lease, record progress and log lines; answers whether to cancel (worker).';
