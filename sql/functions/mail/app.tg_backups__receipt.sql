-- app.tg_backups__receipt(): a receipt for a submission, to its submitter, when they turned
-- receipts on (off by default: app.queue_mail skips them otherwise): the assignment, the
-- backup's key and when it arrived, in the course's time zone. Template: receipt.
-- Called by: trigger _800_receipt after insert on app.backups (submissions only).
-- Security: definer (queues mail). Raises nothing.
-- requires: app.queue_mail.sql, app.course_time_text.sql, app.hashid_encode.sql
create or replace function app.tg_backups__receipt()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  work record;
begin
  -- most students leave receipts off: no message is composed for them
  if (select 'receipt' = any(u.mail_muted) from app.users as u where u.id = new.submitter_id) then
    return null;
  end if;
  select a.name, a.display_name, c.timezone into work
  from app.assignments as a inner join app.courses as c on a.course_id = c.id
  where a.id = new.assignment_id;
  perform app.queue_mail('receipt', 'receipt', format('%s: submission received', work.display_name),
    array[new.submitter_id], new.course_id,
    jsonb_build_object('assignment', work.display_name, 'backup', app.hashid_encode(new.id),
                       'received', app.course_time_text(new.created_at, work.timezone),
                       'path', '/' || work.name || '/submissions/' || app.hashid_encode(new.id) || '/'));
  return null;
end;
$$;

revoke all on function app.tg_backups__receipt() from public;
