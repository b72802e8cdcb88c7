-- api.login(email, name, lifetime): sign a person in after the web app verified their email
-- (OpenID Connect with a verified email, or the development login): the user is created on
-- first login, a browser session is recorded (auth.sessions, lasting `lifetime` seconds,
-- 5 minutes .. 90 days) and its claims are returned, with the session's jti: the web app
-- keeps them in its signed cookie and auth.check_request() checks the jti on every request.
-- Called by: web/oauth/login.py as ok_auth. Security: definer (creates the user and the session).
-- Raises: PT422 malformed email or a lifetime out of range.
-- requires: app.ensure_user.sql, app.start_session.sql, app.email_is_valid.sql
create or replace function api.login(email text, name text default null, lifetime integer default 1209600)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  person_id bigint;
begin
  if not app.email_is_valid(login.email) then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', login.email);
  end if;
  if lifetime is null or lifetime not between 300 and 7776000 then
    raise sqlstate 'PT422' using message = 'A session lasts between 5 minutes and 90 days';
  end if;
  person_id := app.ensure_user(btrim(login.email), login.name);
  return app.start_session(person_id, now() + make_interval(secs => lifetime));
end;
$$;

revoke all on function api.login(text, text, integer) from public;
grant execute on function api.login(text, text, integer) to ok_auth;
comment on function api.login(text, text, integer) is
'Sign in a verified email: records a browser session and returns its claims (web app only).';
