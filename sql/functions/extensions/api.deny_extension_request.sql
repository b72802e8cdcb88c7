-- api.deny_extension_request(assignment, email, reply): staff turn down a student's pending
-- request, with a reply the student reads on their assignment page (why, or what to do).
-- Called by: the staff course page. Security: definer as ok_api (the caller's RLS applies).
-- Raises: PT401, PT403 not a TA or instructor, PT404 unknown assignment or no pending request
-- (app.extension_target).
-- requires: app.extension_target.sql
create or replace function api.deny_extension_request(assignment text, email text, reply text default null)
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
  set status = 'denied', decided_by = auth.user_id(), decided_at = now(),
      reply = nullif(btrim(deny_extension_request.reply), '')
  where r.user_id = target.student_id and r.assignment_id = target.assignment_id and r.status = 'pending';
  if not found then
    raise sqlstate 'PT404' using message = format('%s has no pending request for this assignment', email);
  end if;
end;
$$;

revoke all on function api.deny_extension_request(text, text, text) from public;
alter function api.deny_extension_request(text, text, text) owner to ok_api;
grant execute on function api.deny_extension_request(text, text, text) to ok_user;
comment on function api.deny_extension_request(text, text, text) is 'Deny a pending extension request (TAs, instructors).';
