-- app.tg_email_outbox__notify(): wakes the worker when mail is queued (NOTIFY okv3_outbox),
-- so mail leaves within a moment instead of at the next poll. Delivered at commit.
-- Called by: statement trigger _900_notify_worker on app.email_outbox.
-- Security: invoker. Raises nothing.
create or replace function app.tg_email_outbox__notify()
returns trigger
language plpgsql
volatile
as $$
begin
  perform pg_notify('okv3_outbox', '');
  return null;
end;
$$;

revoke all on function app.tg_email_outbox__notify() from public;
