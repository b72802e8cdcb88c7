-- app.cancel_job(job_id): cancel a job, said once: a queued job ends at once (status
-- failed, cancelled_at); a running one is asked to stop (cancel_requested), which its
-- worker reads at its next report and ends it cancelled (api.job_finish). Answers the job's
-- state: cancelled or cancelling.
-- Called by: api.cancel_job, after it found the job under the caller's RLS.
-- Security: definer (writes app.jobs; request roles have no update grant on it).
-- Raises: PT409 'Job <id> has already ended'.
create or replace function app.cancel_job(job_id bigint)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  was app.job_status;
begin
  update app.jobs as j
  set status = case when j.status = 'queued' then 'failed'::app.job_status else j.status end,
      cancelled_at = case when j.status = 'queued' then now() end,
      finished_at = case when j.status = 'queued' then now() end,
      error = case when j.status = 'queued' then 'Cancelled' end,
      cancel_requested = true,
      log = j.log || format(E'%s: %s by %s\n', to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                            case when j.status = 'queued' then 'cancelled' else 'cancel asked' end,
                            coalesce((select u.email from app.users as u where u.id = auth.user_id()), 'an admin'))
  from (select x.id, x.status from app.jobs as x where x.id = cancel_job.job_id for update) as old
  where j.id = old.id and old.status in ('queued', 'running')
  returning old.status into was;
  if was is null then
    raise sqlstate 'PT409' using message = format('Job %s has already ended', cancel_job.job_id);
  end if;
  return case when was = 'queued' then 'cancelled' else 'cancelling' end;
end;
$$;

revoke all on function app.cancel_job(bigint) from public;
grant execute on function app.cancel_job(bigint) to ok_api;
