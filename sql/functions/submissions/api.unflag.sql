-- api.unflag(assignment, email): clear the flag of a group, so its newest submission counts
-- again. Students clear their own group's flag while the assignment is open; staff clear any
-- student's group's flag (email) at any time.
-- Called by: the assignment page, staff pages. Security: definer.
-- Raises: PT401, PT404 unknown assignment or user, PT403 closed or not staff.
-- requires: app.assignment_for_change.sql, app.group_member_ids.sql
create or replace function api.unflag(assignment text, email text default null)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  whose bigint := auth.user_id();
  cleared integer;
begin
  if email is not null then
    if not target.is_staff then
      raise sqlstate 'PT403' using message = 'Only staff can change another student''s flag';
    end if;
    select u.id into whose from app.users as u where lower(u.email) = lower(unflag.email);
    if whose is null then
      raise sqlstate 'PT404' using message = format('No user %s', email);
    end if;
  elsif not target.is_open and not target.is_staff then
    raise sqlstate 'PT403' using message = 'The assignment is closed: ask your course staff to change your flag';
  end if;
  update app.backups as b
  set flagged = false, flagged_by = null, flagged_at = null
  where b.assignment_id = target.assignment_id and b.flagged
    and b.submitter_id = any(app.group_member_ids(target.assignment_id, whose));
  get diagnostics cleared = row_count;
  return cleared;
end;
$$;

revoke all on function api.unflag(text, text) from public;
grant execute on function api.unflag(text, text) to ok_user;
comment on function api.unflag(text, text) is 'Clear a group''s flag.';
