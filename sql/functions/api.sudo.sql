-- api.sudo(email): a site admin acts as another user (/sudo/<email>): returns that user's
-- session claims and writes an audit row naming both, whatever happens next.
-- Called by: web/oauth/login.py as the admin. Security: definer (writes the audit log);
-- checks the caller is an admin first. Raises: PT401/PT403 not an admin, PT404 unknown user.
-- requires: app.require_admin.sql, app.token_claims.sql
create or replace function api.sudo(email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  person app.users;
begin
  perform app.require_admin();
  select u.* into person from app.users as u where lower(u.email) = lower(sudo.email);
  if person.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (auth.user_id(), auth.actor(), 'sudo', 'users', jsonb_build_object('id', person.id),
          jsonb_build_object('acting_as', person.email));
  return app.token_claims(person.id, person.email::text, person.is_admin, null, null, null)
    || jsonb_build_object('sudo_by', auth.claims() ->> 'email');
end;
$$;

revoke all on function api.sudo(text) from public;
grant execute on function api.sudo(text) to ok_admin;
comment on function api.sudo(text) is 'Act as another user (admins); audited.';
