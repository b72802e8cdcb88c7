-- api.group_respond(assignment, accept): the invitee accepts (pending -> active; their own flag
-- on the assignment is cleared, since the group's flag now decides) or declines (the
-- invitation is deleted; a group left with one member is dissolved). Only while open.
-- Called by: the assignment page. Security: definer.
-- Raises: PT401; PT404 unknown assignment or no invitation; PT403 closed.
-- requires: app.assignment_for_change.sql, app.group_change.sql
create or replace function api.group_respond(assignment text, accept boolean)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  mine app.group_members;
  before jsonb;
begin
  if not target.is_open then
    raise sqlstate 'PT403' using message = 'The assignment is closed: groups can no longer change';
  end if;
  select m.* into mine from app.group_members as m
  where m.assignment_id = target.assignment_id and m.user_id = auth.user_id() and m.status = 'pending';
  if mine.group_id is null then
    raise sqlstate 'PT404' using message = 'You have no pending invitation for this assignment';
  end if;
  before := app.group_snapshot(mine.group_id);
  if accept then
    update app.group_members as m set status = 'active'
    where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
    update app.backups as b set flagged = false, flagged_by = null, flagged_at = null
    where b.assignment_id = target.assignment_id and b.submitter_id = auth.user_id() and b.flagged;
  else
    delete from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = auth.user_id();
  end if;
  return app.group_change(target.assignment_id, case when accept then 'accept' else 'decline' end,
                          auth.user_id(), mine.group_id, before);
end;
$$;

revoke all on function api.group_respond(text, boolean) from public;
grant execute on function api.group_respond(text, boolean) to ok_user;
comment on function api.group_respond(text, boolean) is 'Accept or decline a group invitation.';
