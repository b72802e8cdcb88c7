-- api.rotate_export_token(offering, active): issue a new export token for a course (the old
-- one stops working) and switch export-token access on or off. The token is returned once;
-- only its SHA-256 is kept. Instructors of the course and admins.
-- Called by: the course settings page, okadmin. Security: definer as ok_api (the caller's RLS applies) (RLS: instructors update
-- their course). Raises: PT401, PT403 (not an instructor), PT404 (unknown course).
-- requires: app.require_instructor.sql
create or replace function api.rotate_export_token(offering text, active boolean default true)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  fresh text := encode(extensions.gen_random_bytes(24), 'hex');
  target_course_id bigint := app.require_instructor(offering, 'change the export token');
begin
  update app.courses as c
  set export_token_hash = encode(extensions.digest(fresh, 'sha256'), 'hex'),
      export_token_active = coalesce(rotate_export_token.active, true)
  where c.id = target_course_id;
  return fresh;
end;
$$;

revoke all on function api.rotate_export_token(text, boolean) from public;
alter function api.rotate_export_token(text, boolean) owner to ok_api;
grant execute on function api.rotate_export_token(text, boolean) to ok_user;
comment on function api.rotate_export_token(text, boolean) is
'Issue a new course export token (returned once) and enable or disable it (instructors).';
