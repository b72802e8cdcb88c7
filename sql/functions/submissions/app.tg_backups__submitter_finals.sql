-- app.tg_backups__submitter_finals(): keeps app.submitter_finals, each submitter's own backup
-- that counts for an assignment (app.counting_backup), under the summary row's lock. The
-- row is locked first, by a statement of its own; the comparison runs in the next statement,
-- whose snapshot (read committed) is taken after the lock, so it sees every change that the
-- row's earlier writers committed (a flag set while this backup was being stored, say):
--   * insert: the row keeps the better of its backup and the new one;
--   * flag or submit changed, or delete: the row is recomputed from the submitter's backups,
--     or removed when they have none left.
-- A missing row (a submitter's first backup) is made from the submitter's backups (on conflict
-- do nothing: when another session makes it at the same moment, this one waits for it, then
-- locks and compares as above).
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
  loop
    perform 1 from app.submitter_finals as s
    where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
    for update;
    if found then
      if TG_OP = 'INSERT' then
        update app.submitter_finals as s
        set backup_id = pair.id
        where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
          and pair.id = (select c.backup_id from app.counting_backup(array[s.backup_id, pair.id]) as c);
      else
        select c.backup_id into counting
        from app.counting_backup(array(
          select b.id from app.backups as b
          where b.assignment_id = pair.assignment_id and b.submitter_id = pair.submitter_id
        )) as c;
        if counting is null then
          delete from app.submitter_finals as s
          where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id;
        else
          update app.submitter_finals as s
          set backup_id = counting
          where s.assignment_id = pair.assignment_id and s.submitter_id = pair.submitter_id
            and s.backup_id <> counting;
        end if;
      end if;
      return null;
    end if;

    -- No row yet (the submitter's first backup of the assignment, or a row that was never
    -- kept): it is made from all their backups, not from this one alone.
    select c.backup_id into counting
    from app.counting_backup(array(
      select b.id from app.backups as b
      where b.assignment_id = pair.assignment_id and b.submitter_id = pair.submitter_id
    )) as c;
    if counting is null then
      return null;
    end if;
    insert into app.submitter_finals (assignment_id, submitter_id, backup_id)
    values (pair.assignment_id, pair.submitter_id, counting)
    on conflict (assignment_id, submitter_id) do nothing;
    if found then
      return null;
    end if;
    -- another session made the row meanwhile: lock it and compare again
  end loop;
end;
$$;

revoke all on function app.tg_backups__submitter_finals() from public;
