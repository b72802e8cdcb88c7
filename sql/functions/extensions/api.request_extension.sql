-- api.request_extension(assignment, reason): a student asks for more time, with a reason. One
-- pending request per student and assignment; staff see it and grant (api.grant_extension)
-- or deny it (api.deny_extension_request).
-- Security: definer as ok_api (the caller's RLS applies) (RLS: a student inserts their own pending request in a course they are in).
-- Raises: PT401; PT404 unknown assignment; PT422 no reason; PT409 a request is already pending.
-- requires: app.assignment_for_change.sql
create or replace function api.request_extension(assignment text, reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  saved app.extension_requests;
begin
  if reason is null or btrim(reason) = '' then
    raise sqlstate 'PT422' using message = 'Please give a reason';
  end if;
  if exists (
    select 1 from app.extension_requests as r
    where r.assignment_id = target.assignment_id and r.user_id = auth.user_id() and r.status = 'pending'
  ) then
    raise sqlstate 'PT409' using message = 'You already have a pending request for this assignment';
  end if;
  insert into app.extension_requests (assignment_id, course_id, user_id, reason)
  values (target.assignment_id, target.course_id, auth.user_id(), btrim(reason))
  returning * into saved;
  return to_jsonb(saved);
end;
$$;

revoke all on function api.request_extension(text, text) from public;
alter function api.request_extension(text, text) owner to ok_api;
grant execute on function api.request_extension(text, text) to ok_user;
comment on function api.request_extension(text, text) is 'Ask for an extension (students).';
