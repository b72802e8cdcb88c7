-- api.create_user(email, name, is_admin): register a user by email (okadmin user create).
-- Called by: okadmin. Security: definer as ok_api (the caller's RLS applies); admins only.
-- Raises: PT401/PT403 (not an admin), PT422 malformed email, PT409 email already registered.
-- requires: app.email_is_valid.sql
create or replace function api.create_user(email text, name text default null, is_admin boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  created app.users;
begin
  perform app.require_admin();
  if not app.email_is_valid(email) then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', email);
  end if;
  insert into app.users (email, name, is_admin)
  values (btrim(create_user.email), nullif(btrim(create_user.name), ''), coalesce(create_user.is_admin, false))
  on conflict (lower(email)) do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('User %s already exists', btrim(email));
  end if;
  return jsonb_build_object(
    'id', created.id, 'email', created.email, 'name', created.name, 'is_admin', created.is_admin
  );
end;
$$;

revoke all on function api.create_user(text, text, boolean) from public;
alter function api.create_user(text, text, boolean) owner to ok_api;
grant execute on function api.create_user(text, text, boolean) to ok_admin;
comment on function api.create_user(text, text, boolean) is 'Register a user by email (admins).';
