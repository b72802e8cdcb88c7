-- api.logout(): sign out the credential the request runs with: its browser session (and,
-- for an impersonation session, the admin's own session it came from: the browser is
-- signed out, not returned to the admin) or its OAuth access token's pair. A copy of the
-- cookie or token is refused from the next request on (auth.check_request()).
-- Returns whether something was revoked (false for a credential already ended).
-- Called by: web/oauth/login.py (POST /logout/); PostgREST clients (/rpc/logout).
-- Security: definer: the admin's session behind an impersonation session is not the
-- impersonated user's row. Raises: PT401 not signed in.
-- requires: app.require_login.sql
create or replace function api.logout()
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  current_id bigint := auth.session_id();
  revoked integer;
begin
  perform app.require_login();
  if current_id is not null then
    update auth.sessions as s
    set revoked_at = now()
    where s.revoked_at is null
      and (s.id = current_id or s.id = (select c.parent_id from auth.sessions as c where c.id = current_id));
  else
    update auth.oauth_tokens as t
    set revoked_at = now()
    where t.revoked_at is null
      and t.user_id = auth.user_id()
      and t.jti = (auth.claims() ->> 'jti')::uuid;
  end if;
  get diagnostics revoked = row_count;
  return revoked > 0;
end;
$$;

revoke all on function api.logout() from public;
grant execute on function api.logout() to ok_user;
comment on function api.logout() is 'Sign out this browser session or this access token.';
