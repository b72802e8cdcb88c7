-- api.deny_extension_request(assignment, email): staff turn down a student's pending request.
-- Called by: the staff course page. Security: definer as ok_api (the caller's RLS applies).
-- Raises: PT401, PT403 not a TA or instructor, PT404 unknown assignment or no pending request
-- (app.extension_target).
-- requires: app.extension_target.sql
create or replace function api.deny_extension_request(assignment text, email text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.extension_target(assignment, email, 'decide extension requests');
begin
  update app.extension_requests as r
  set status = 'denied', decided_by = auth.user_id(), decided_at = now()
  where r.user_id = target.student_id and r.assignment_id = target.assignment_id and r.status = 'pending';
  if not found then
    raise sqlstate 'PT404' using message = format('%s has no pending request for this assignment', email);
  end if;
end;
$$;

revoke all on function api.deny_extension_request(text, text) from public;
alter function api.deny_extension_request(text, text) owner to ok_api;
grant execute on function api.deny_extension_request(text, text) to ok_user;
comment on function api.deny_extension_request(text, text) is 'Deny a pending extension request (TAs, instructors).';
