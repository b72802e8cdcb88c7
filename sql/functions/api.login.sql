-- api.login(email, name): sign a person in after the web app verified their email (OpenID
-- Connect with a verified email, or the development login): the user is created on first
-- login; the claims of the browser session are returned (no jti: sessions are not tokens).
-- Called by: web/oauth/login.py as ok_auth. Security: definer (creates the user).
-- Raises: PT422 malformed email.
-- requires: app.ensure_user.sql, app.token_claims.sql
create or replace function api.login(email text, name text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  person app.users;
  person_id bigint;
begin
  if login.email is null or btrim(login.email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', login.email);
  end if;
  person_id := app.ensure_user(btrim(login.email), login.name);
  select u.* into person from app.users as u where u.id = person_id;
  return app.token_claims(person.id, person.email::text, person.is_admin, null, null, null);
end;
$$;

revoke all on function api.login(text, text) from public;
grant execute on function api.login(text, text) to ok_auth;
comment on function api.login(text, text) is 'Sign in a verified email; returns session claims (web app only).';
