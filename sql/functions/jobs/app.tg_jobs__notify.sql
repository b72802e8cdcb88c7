-- app.tg_jobs__notify(): wakes the workers when a job is queued or re-queued (NOTIFY
-- okv3_jobs), so work starts within a moment instead of at the next poll. Delivered at commit.
-- Called by: statement trigger _900_notify_worker on app.jobs (insert, update of status).
-- Security: invoker. Raises nothing.
create or replace function app.tg_jobs__notify()
returns trigger
language plpgsql
volatile
as $$
begin
  perform pg_notify('okv3_jobs', '');
  return null;
end;
$$;

revoke all on function app.tg_jobs__notify() from public;
