-- api.flag_backup(key): choose the backup the group wants graded. A student may flag a backup
-- of any member of their current group while the assignment is open (a plain backup is
-- promoted to a submission); staff may flag any backup of their course at any time. The
-- group's other flags are cleared in the same transaction, under the assignment's lock, so
-- at most one backup per group is flagged even when members flag at the same moment.
-- Called by: the assignment page, staff pages. Security: definer (students cannot update
-- backups directly); every rule is checked here.
-- Raises: PT401; PT404 unknown key; PT403 not the group's backup, or closed for students.
-- requires: app.assignment_for_change.sql, app.group_member_ids.sql
create or replace function api.flag_backup(key text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.backups;
  assignment record;
  members bigint[];
begin
  select b.* into target from app.backups as b where b.id = app.hashid_decode(key);
  if target.id is null then
    raise sqlstate 'PT404' using message = 'No backup with that key';
  end if;
  select a.name into assignment from app.assignments as a where a.id = target.assignment_id;
  assignment := app.assignment_for_change(assignment.name);
  members := app.group_member_ids(target.assignment_id, coalesce(auth.user_id(), 0));
  if not assignment.is_staff then
    if not target.submitter_id = any(members) then
      raise sqlstate 'PT403' using message = 'You can only flag a backup of your own group';
    end if;
    if not assignment.is_open then
      raise sqlstate 'PT403' using message = 'The assignment is closed: ask your course staff to change your flag';
    end if;
  else
    members := app.group_member_ids(target.assignment_id, target.submitter_id);
  end if;
  update app.backups as b
  set flagged = false, flagged_by = null, flagged_at = null
  where b.assignment_id = target.assignment_id and b.submitter_id = any(members) and b.flagged and b.id <> target.id;
  update app.backups as b
  set flagged = true, submit = true, flagged_by = auth.user_id(), flagged_at = now()
  where b.id = target.id;
  return jsonb_build_object('key', key, 'flagged', true);
end;
$$;

revoke all on function api.flag_backup(text) from public;
grant execute on function api.flag_backup(text) to ok_user;
comment on function api.flag_backup(text) is 'Flag a backup as the group''s final submission.';
