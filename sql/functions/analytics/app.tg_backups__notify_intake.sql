-- app.tg_backups__notify_intake(): announces each stored backup to the live deadline boards
-- (NOTIFY okv3_intake with the course id). Delivered at commit; PostgreSQL folds identical
-- notifications of one transaction into one, and the web process that listens batches them
-- (web/live.py), so a browser is updated at most every couple of seconds, never per backup.
-- Called by: trigger _950_notify_intake on app.backups (after insert).
-- Security: invoker. Raises nothing.
create or replace function app.tg_backups__notify_intake()
returns trigger
language plpgsql
volatile
as $$
begin
  perform pg_notify('okv3_intake', new.course_id::text);
  return null;
end;
$$;

revoke all on function app.tg_backups__notify_intake() from public;
comment on function app.tg_backups__notify_intake() is
'Announce a stored backup to the live deadline boards (NOTIFY okv3_intake, the course id).';
