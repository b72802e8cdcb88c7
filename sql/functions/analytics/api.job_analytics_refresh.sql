-- api.job_analytics_refresh(job_id, worker): the "analytics_refresh" job's work (scheduled every
-- 15 minutes, or started by an admin): recompute every analytics snapshot
-- (analytics.refresh_snapshots) in this one transaction; readers keep the previous snapshot
-- until it commits. Answers a sentence for the job's result with the seconds it took.
-- Called by: worker/jobs.py as ok_worker. Security: definer (app.held_job; the refresh runs
-- as the snapshots' owner). Raises: PT409 (app.held_job); PT422 a job of another kind.
-- requires: app.held_job.sql
create or replace function api.job_analytics_refresh(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_analytics_refresh.job_id, job_analytics_refresh.worker);
  took jsonb;
begin
  if held.name <> 'analytics_refresh' then
    raise sqlstate 'PT422' using message = format('Job %s is not an analytics refresh', held.id);
  end if;
  took := analytics.refresh_snapshots();
  return format('Analytics snapshots refreshed in %s s (%s new backups read in %s s, final submissions %s s)',
                round((took ->> 'total')::numeric / 1000, 1), took ->> 'new_backups',
                round((took ->> 'collect')::numeric / 1000, 1), round((took ->> 'final_submissions')::numeric / 1000, 1));
end;
$$;

revoke all on function api.job_analytics_refresh(bigint, text) from public;
grant execute on function api.job_analytics_refresh(bigint, text) to ok_worker;
comment on function api.job_analytics_refresh(bigint, text) is 'Refresh the analytics snapshots (worker).';
