-- app.tg_backups__notify_intake(): announces stored backups to the live deadline boards
-- (NOTIFY okv3_intake with the course id), at most once per course per second: the backup's
-- transaction announces only if it is the first to claim its course's row of
-- app.intake_announcements in this second (the row's lock is skipped, never waited for, when
-- another transaction in flight holds it; a course's first row is inserted under a try-lock,
-- advisory 4247 and the course id). PostgreSQL serializes the commits of transactions
-- that notified, so announcing every backup would cost the intake at a deadline. The web
-- process that listens batches announcements per 2 s and updates each board once more 2 s
-- after, so the backups of a second that another one announced are shown too (web/staff/live.py).
-- Called by: trigger _950_notify_intake on app.backups (after insert).
-- Security: definer (ok_owner: the intake's roles need no rights on the announcements).
-- Raises nothing.
create or replace function app.tg_backups__notify_intake()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- the second of this backup's storing (not of its transaction's start: a backup this skips
  -- is committed soon after, within the batch the listener adds after the announcement)
  this_second bigint := floor(extract(epoch from clock_timestamp()))::bigint;
begin
  update app.intake_announcements as a
  set announced_epoch = this_second
  where a.course_id = (
    select x.course_id from app.intake_announcements as x
    where x.course_id = new.course_id and x.announced_epoch <> this_second  -- (<>: a clock set back)
    for update skip locked
  );
  if not found then
    -- claimed this second, or being claimed; or the course's first announcement (revision
    -- 0043 gave every course then a row): inserted under a try-lock, so that an upload never
    -- waits for another's uncommitted insert of the same row
    if exists (select 1 from app.intake_announcements as x where x.course_id = new.course_id)
       or not pg_try_advisory_xact_lock(4247, (new.course_id % 2147483647)::integer) then
      return null;
    end if;
    insert into app.intake_announcements (course_id, announced_epoch)
    values (new.course_id, this_second)
    on conflict (course_id) do nothing;
    if not found then
      return null;
    end if;
  end if;
  perform pg_notify('okv3_intake', new.course_id::text);
  return null;
end;
$$;

revoke all on function app.tg_backups__notify_intake() from public;
comment on function app.tg_backups__notify_intake() is
'Announce stored backups to the live deadline boards (NOTIFY okv3_intake, the course id), at most once per course per second.';
