-- api.revoke_my_session(session_id): the signed-in user signs out one of their own browser
-- sessions (e.g. a shared computer), the current one included. Takes effect at once: the
-- pre-request check refuses its cookie from the next request on.
-- Called by: the "Signed-in devices" page. Security: definer as ok_api (the caller's RLS applies: own sessions only; the
-- sessions_revoke policy lets a user end a session, never revive one).
-- Raises: PT401 not signed in, PT404 not one of the caller's live sessions.
-- requires: app.require_login.sql
create or replace function api.revoke_my_session(session_id bigint)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_login();
  update auth.sessions as s
  set revoked_at = now()
  where s.id = session_id and s.user_id = auth.user_id() and s.revoked_at is null and s.expires_at > now();
  if not found then
    raise sqlstate 'PT404' using message = 'No such live session';
  end if;
end;
$$;

revoke all on function api.revoke_my_session(bigint) from public;
alter function api.revoke_my_session(bigint) owner to ok_api;
grant execute on function api.revoke_my_session(bigint) to ok_user;
comment on function api.revoke_my_session(bigint) is 'Sign out one of the caller''s own browser sessions.';
