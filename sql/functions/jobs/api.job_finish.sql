-- api.job_finish(job_id, worker, error, result): how a job's attempt ended. Without an error
-- the job is finished (progress 1, the result text, and its file, if it wrote one,
-- downloadable for 7 days: file_bytes, file_expires_at). With an error it goes back to the
-- queue after a backoff (30 s, then 2 min, 8 min, ...: run_after) while attempts remain,
-- else it fails; either way the error is in its log and a half-written file is deleted. A
-- job staff asked to cancel ends cancelled (status failed, cancelled_at) whatever the
-- attempt did. Answers the new status: finished, queued, failed or cancelled.
-- Called by: worker/jobs.py after each attempt, as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job).
-- requires: app.held_job.sql
create or replace function api.job_finish(job_id bigint, worker text, error text default null, result text default null)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_finish.job_id, job_finish.worker);
  stamp text := to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"');
  outcome text;
  written bigint;
begin
  outcome := case
    when held.cancel_requested then 'cancelled'
    when job_finish.error is null then 'finished'
    when held.attempts < held.max_attempts then 'queued'
    else 'failed'
  end;
  if outcome <> 'finished' then
    delete from app.job_files as f where f.job_id = held.id;
  end if;
  select sum(octet_length(f.data)) into written from app.job_files as f where f.job_id = held.id;
  update app.jobs as j
  set status = case outcome when 'cancelled' then 'failed' else outcome end::app.job_status,
      worker = case when outcome = 'queued' then null else j.worker end,
      lease_expires_at = null,
      run_after = case when outcome = 'queued'
                       then now() + make_interval(secs => 30 * power(4, j.attempts - 1)) else j.run_after end,
      finished_at = case when outcome = 'queued' then null else now() end,
      cancelled_at = case when outcome = 'cancelled' then now() end,
      progress = case when outcome = 'finished' then 1 else j.progress end,
      error = case outcome when 'cancelled' then 'Cancelled' when 'finished' then null else left(job_finish.error, 10000) end,
      result = case when outcome = 'finished' then job_finish.result end,
      file_bytes = written,
      file_expires_at = case when written is not null then now() + interval '7 days' end,
      log = right(j.log || case outcome
        when 'finished' then format(E'%s: finished%s\n', stamp, coalesce(': ' || job_finish.result, ''))
        when 'cancelled' then format(E'%s: cancelled\n', stamp)
        when 'queued' then format(E'%s: failed: %s\n%s: will try again after %s\n', stamp, job_finish.error, stamp,
          to_char(now() at time zone 'UTC' + make_interval(secs => 30 * power(4, j.attempts - 1)), 'YYYY-MM-DD HH24:MI:SS "UTC"'))
        else format(E'%s: failed: %s\n%s: no attempts left (%s)\n', stamp, job_finish.error, stamp, j.attempts)
      end, 1048576)
  where j.id = held.id;
  return outcome;
end;
$$;

revoke all on function api.job_finish(bigint, text, text, text) from public;
grant execute on function api.job_finish(bigint, text, text, text) to ok_worker;
comment on function api.job_finish(bigint, text, text, text) is
'Record how a job''s attempt ended: finished, re-queued with backoff, failed or cancelled (worker).';
