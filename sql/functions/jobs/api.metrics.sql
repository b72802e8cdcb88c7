-- api.metrics(): the counts the /metrics endpoint reports, read at scrape time so that every
-- web process reports the same: {"jobs": {state: count}, "outbox": {state: count}}, every
-- state present (0 when none), jobs split into queued now, waiting out a backoff, running.
-- Called by: web/observability.py (GET /metrics) with service claims, as ok_worker.
-- Security: invoker (ok_worker reads jobs and the outbox). Raises nothing.
create or replace function api.metrics()
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'jobs', (
      select jsonb_build_object(
        'queued', count(*) filter (where j.status = 'queued' and j.run_after <= now()),
        'waiting_to_retry', count(*) filter (where j.status = 'queued' and j.run_after > now()),
        'running', count(*) filter (where j.status = 'running'))
      from app.jobs as j where j.status in ('queued', 'running')
    ),
    'outbox', (
      select jsonb_build_object(
        'queued', count(*) filter (where o.status = 'queued'),
        'sending', count(*) filter (where o.status = 'sending'))
      from app.email_outbox as o where o.status in ('queued', 'sending')
    )
  )
$$;

revoke all on function api.metrics() from public;
grant execute on function api.metrics() to ok_worker;
comment on function api.metrics() is 'Job queue and mail outbox depths, for GET /metrics (ok_worker).';
