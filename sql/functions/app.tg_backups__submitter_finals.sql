-- app.tg_backups__submitter_finals(): keeps app.submitter_finals, each submitter's own backup
-- that counts for an assignment (app.counting_backup), under the summary row's lock:
--   * insert: the row keeps the better of its backup and the new one (insert ... on
--     conflict do update waits for a concurrent writer of the row, then compares with what
--     it committed);
--   * flag or submit changed, or delete: the submitter's row is locked, then recomputed
--     from their backups (a new snapshot after the lock, so a backup another session added
--     under that lock is counted), or removed when they have none left.
-- Called by: triggers _100_submitter_finals (after insert), _100_submitter_finals_change
-- (after update of flagged, submit) and _100_submitter_finals_delete (after delete) on
-- app.backups, for each row. Security: definer (ok_owner): request roles write no table,
-- and the row sums up backups the caller may not see (a group-mate's). Raises nothing.
create or replace function app.tg_backups__submitter_finals()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  pair app.backups := case when TG_OP = 'DELETE' then OLD else NEW end;
  counting bigint;
begin
  if TG_OP = 'INSERT' then
    insert into app.submitter_finals as s (assignment_id, submitter_id, backup_id)
    values (pair.assignment_id, pair.submitter_id, pair.id)
    on conflict (assignment_id, submitter_id) do update
    set backup_id = excluded.backup_id
    where excluded.backup_id = (
      select c.backup_id from app.counting_backup(array[s.backup_id, excluded.backup_id]) as c
    );
    return null;
  end if;

  perform 1 from app.submitter_finals as s
  where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
  for update;
  select c.backup_id into counting
  from app.counting_backup(array(
    select b.id from app.backups as b
    where b.assignment_id = pair.assignment_id and b.submitter_id = pair.submitter_id
  )) as c;
  if counting is null then
    delete from app.submitter_finals as s
    where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id;
  else
    insert into app.submitter_finals as s (assignment_id, submitter_id, backup_id)
    values (pair.assignment_id, pair.submitter_id, counting)
    on conflict (assignment_id, submitter_id) do update
    set backup_id = excluded.backup_id
    where s.backup_id is distinct from excluded.backup_id;
  end if;
  return null;
end;
$$;

revoke all on function app.tg_backups__submitter_finals() from public;
