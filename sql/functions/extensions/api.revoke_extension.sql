-- api.revoke_extension(assignment, email): take an extension back. Nothing else changes: no
-- backup was stamped when it was granted, and staff overrides of submission times stay.
-- Called by: the staff assignment page. Security: definer as ok_api (the caller's RLS applies).
-- Raises: PT401, PT403 not a TA or instructor, PT404 unknown assignment or no extension
-- (app.extension_target).
-- requires: app.extension_target.sql
create or replace function api.revoke_extension(assignment text, email text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.extension_target(assignment, email, 'revoke extensions');
begin
  delete from app.extensions as x
  where x.user_id = target.student_id and x.assignment_id = target.assignment_id;
  if not found then
    raise sqlstate 'PT404' using message = format('%s has no extension for this assignment', email);
  end if;
end;
$$;

revoke all on function api.revoke_extension(text, text) from public;
alter function api.revoke_extension(text, text) owner to ok_api;
grant execute on function api.revoke_extension(text, text) to ok_user;
comment on function api.revoke_extension(text, text) is 'Revoke an extension (TAs, instructors).';
