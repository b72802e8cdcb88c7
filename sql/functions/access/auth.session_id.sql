-- auth.session_id(): the auth.sessions id of the browser session the request runs in (the
-- row whose jti is the claims' jti and whose user is the claims' sub), or null for
-- anonymous and service requests and for OAuth access tokens. Whether the session is still
-- live is auth.check_request()'s business, which runs first.
-- Called by: api.my_sessions (the current session), api.logout, api.sign_out_everywhere,
-- api.sudo, api.stop_sudo.
-- Security: definer, so that request roles need no select privilege on the jti column.
-- Raises nothing.
create or replace function auth.session_id()
returns bigint
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select s.id
  from auth.sessions as s
  where s.jti = (
      case
        when auth.claims() ->> 'jti' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          then (auth.claims() ->> 'jti')::uuid
      end
    )
    and s.user_id = auth.user_id()
$$;

revoke all on function auth.session_id() from public;
grant execute on function auth.session_id() to ok_user;
comment on function auth.session_id() is 'Id of the browser session the request runs in, or null.';
