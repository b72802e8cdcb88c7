-- app.tg_extension_requests__mail(): tell a student that staff answered their extension
-- request: granted (until when, in the course's time zone, from the extension it created)
-- or denied, with the staff's reply. Template: extension.
-- Called by: trigger _800_mail after update of status on app.extension_requests (to
-- granted or denied). Security: definer (reads the extension; queues mail). Raises nothing.
-- requires: app.queue_mail.sql, app.course_time_text.sql
create or replace function app.tg_extension_requests__mail()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  work record;
  until_text text;
begin
  select a.name, a.display_name, c.timezone into work
  from app.assignments as a inner join app.courses as c on a.course_id = c.id
  where a.id = new.assignment_id;
  select app.course_time_text(x.expires_at, work.timezone) into until_text
  from app.extensions as x where x.assignment_id = new.assignment_id and x.user_id = new.user_id;
  perform app.queue_mail('extension', 'extension',
    format('%s: your extension request was %s', work.display_name, new.status), array[new.user_id], new.course_id,
    jsonb_build_object('status', new.status, 'until', until_text, 'reply', new.reply, 'reason', new.reason,
                       'assignment', work.display_name, 'path', '/' || work.name || '/'));
  return null;
end;
$$;

revoke all on function app.tg_extension_requests__mail() from public;
