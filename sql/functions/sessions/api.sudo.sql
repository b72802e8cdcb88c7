-- api.sudo(email): a site admin acts as another user (/sudo/<email>): records an
-- impersonation session for that user (auth.sessions with sudo_by = the admin and
-- parent_id = the admin's own browser session, expiring with it) and returns its claims,
-- which carry sudo_by; writes an audit row naming both, whatever happens next. While it
-- lasts, audit rows name the user as actor and the admin as real_actor_id (app.tg__audit);
-- api.stop_sudo returns to the admin's session.
-- Called by: web/oauth/login.py as the admin. Security: definer (writes the audit log and
-- the session); checks the caller is an admin first.
-- Raises: PT401/PT403 not an admin; PT403 not in a browser session (e.g. okadmin or an
-- access token); PT409 already acting as someone; PT404 unknown user.
-- requires: app.require_admin.sql, app.start_session.sql
create or replace function api.sudo(email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  person app.users;
  origin record;
begin
  perform app.require_admin();
  if auth.sudo_by() is not null then
    raise sqlstate 'PT409' using message = 'Stop acting as another user first';
  end if;
  select s.id, s.expires_at into origin
  from auth.sessions as s
  where s.id = auth.session_id();
  if not found then
    raise sqlstate 'PT403' using message = 'Acting as another user starts from a signed-in browser';
  end if;
  select u.* into person from app.users as u where lower(u.email) = lower(sudo.email);
  if person.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (auth.user_id(), auth.actor(), 'sudo', 'users', jsonb_build_object('id', person.id),
          jsonb_build_object('acting_as', person.email));
  return app.start_session(person.id, origin.expires_at, auth.user_id(), origin.id);
end;
$$;

revoke all on function api.sudo(text) from public;
grant execute on function api.sudo(text) to ok_admin;
comment on function api.sudo(text) is 'Act as another user (admins): an audited impersonation session.';
