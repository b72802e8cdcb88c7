-- api.job_release(job_id, worker): a worker that is shutting down hands its running job back
-- to the queue at once (no waiting for the lease to expire), and the interrupted attempt is
-- not counted against the job's attempts. A job staff asked to cancel ends cancelled
-- instead. Answers the job's new state: queued or cancelled.
-- Called by: worker/jobs.py on SIGTERM (make stop, a deploy), as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job).
-- requires: app.held_job.sql
create or replace function api.job_release(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_release.job_id, job_release.worker);
begin
  delete from app.job_files as f where f.job_id = held.id;
  update app.jobs as j
  set status = case when j.cancel_requested then 'failed' else 'queued' end::app.job_status,
      attempts = case when j.cancel_requested then j.attempts else j.attempts - 1 end,
      cancelled_at = case when j.cancel_requested then now() end,
      finished_at = case when j.cancel_requested then now() end,
      error = case when j.cancel_requested then 'Cancelled' end,
      worker = null, lease_expires_at = null, run_after = now(),
      log = j.log || format(E'%s: %s\n', to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                            case when j.cancel_requested then 'cancelled'
                                 else format('worker %s stopped (shutting down): back in the queue', j.worker) end)
  where j.id = held.id;
  return case when held.cancel_requested then 'cancelled' else 'queued' end;
end;
$$;

revoke all on function api.job_release(bigint, text) from public;
grant execute on function api.job_release(bigint, text) to ok_worker;
comment on function api.job_release(bigint, text) is
'Hand a running job back to the queue when its worker shuts down, without using an attempt (worker).';
