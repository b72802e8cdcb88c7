-- app.group_member_ids(assignment_id, user_id): the user and the active members of the user's
-- current group for the assignment (okpy/ok's backup "owners"). Membership is dynamic: a
-- group's backups are its current members' backups.
-- Called by: RLS-facing api functions (revision, backup view, final submission). Security:
-- definer, because a student may not read other students' membership rows, yet must know
-- whose work is pooled with theirs. Returns ids only. Raises nothing.
create or replace function app.group_member_ids(assignment_id bigint, user_id bigint)
returns bigint[]
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(
    (
      select g.member_ids from app.current_groups as g
      where g.assignment_id = group_member_ids.assignment_id and g.user_id = group_member_ids.user_id
    ),
    array[group_member_ids.user_id]
  )
$$;

revoke all on function app.group_member_ids(bigint, bigint) from public;
grant execute on function app.group_member_ids(bigint, bigint) to ok_api;
