-- app.counting_backup(backup_ids): of the given backups, the one that counts, said once: a
-- flagged one, else the newest submission, else the newest backup (ties: the highest id).
-- No row when none is given. Applied twice over: to one submitter's backups of an
-- assignment, which gives their own row of app.submitter_finals (kept by
-- app.tg_backups__submitter_finals), and to the members' rows of a unit, which gives the
-- unit's final submission (app.unit_finals); the order is total, so the best of the
-- members' best is the best of all their backups.
-- Called by: app.tg_backups__submitter_finals, app.unit_finals. Security: invoker (a
-- set-returning SQL function, so PostgreSQL inlines it into its callers); granted to no role
-- but its owner. Raises nothing.
create or replace function app.counting_backup(backup_ids bigint[])
returns table (backup_id bigint)
language sql
stable
as $$
  select b.id
  from app.backups as b
  where b.id = any(counting_backup.backup_ids)
  order by b.flagged desc, b.submit desc, b.created_at desc, b.id desc
  limit 1
$$;

revoke all on function app.counting_backup(bigint[]) from public;
