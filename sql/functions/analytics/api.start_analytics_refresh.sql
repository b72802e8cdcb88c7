-- api.start_analytics_refresh(): an admin asks for the analytics snapshots to be refreshed now
-- rather than at the next scheduled run: queues an "analytics_refresh" job (the worker runs
-- api.job_analytics_refresh). One waiting or running refresh is enough: asking again while
-- one is queued or running answers that job. Answers {"job_id"}.
-- Called by: POST /admin/analytics/refresh. Security: definer as ok_api after
-- app.require_admin. Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql, app.enqueue_job.sql
create or replace function api.start_analytics_refresh()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  pending bigint;
begin
  perform app.require_admin();
  -- two admins asking at once queue one job
  perform pg_advisory_xact_lock(4246, 1);
  select j.id into pending from app.jobs as j
  where j.name = 'analytics_refresh' and j.status in ('queued', 'running')
  order by j.id desc limit 1;
  return jsonb_build_object('job_id', coalesce(pending, app.enqueue_job(
    null, 'analytics_refresh', 'Refresh the analytics snapshots (asked for by an admin)', '{}'::jsonb, 5, 1
  )));
end;
$$;

revoke all on function api.start_analytics_refresh() from public;
alter function api.start_analytics_refresh() owner to ok_api;
grant execute on function api.start_analytics_refresh() to ok_user;
comment on function api.start_analytics_refresh() is 'Refresh the analytics snapshots now, as a job (site admins).';
