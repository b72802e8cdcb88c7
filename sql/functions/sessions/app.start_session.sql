-- app.start_session(user_id, expires_at, sudo_by, parent_id): record a browser session
-- (sudo_by and parent_id null) or an impersonation session (sudo_by = the admin acting,
-- parent_id = the admin's own session) and return its claims: those of app.token_claims
-- with the session's jti and expiry, plus sudo_by for an impersonation session. The web
-- app keeps the claims in its signed cookie; auth.check_request() checks the jti on every
-- request. The user agent is taken from the request's headers (first 200 characters).
-- Called by: api.login, api.sudo (both definers, so this runs as ok_owner).
-- Security: invoker; no request role may execute it. Raises nothing of its own.
-- requires: app.token_claims.sql
create or replace function app.start_session(
  user_id bigint, expires_at timestamptz, sudo_by bigint default null, parent_id bigint default null
)
returns jsonb
language plpgsql
volatile
as $$
declare
  person app.users;
  started_jti uuid;
  agent text := left(coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'user-agent', ''), 200);
begin
  select u.* into person from app.users as u where u.id = start_session.user_id;
  insert into auth.sessions (user_id, sudo_by, parent_id, user_agent, expires_at)
  values (person.id, start_session.sudo_by, start_session.parent_id, agent, start_session.expires_at)
  returning jti into started_jti;
  return app.token_claims(person.id, person.email::text, person.is_admin, null, started_jti, start_session.expires_at)
    || case
      when start_session.sudo_by is null then '{}'::jsonb
      else jsonb_build_object('sudo_by', start_session.sudo_by::text)
    end;
end;
$$;

revoke all on function app.start_session(bigint, timestamptz, bigint, bigint) from public;
