-- api.oauth_code_pending(code): whether code is an authorization code issued to the signed-in
-- user that is still unused and unexpired. /oauth/code (the out-of-band page ok-client's terminal
-- flow sends people to) shows a code only when this is true, so a link carrying someone else's
-- code (to make a victim paste it into their ok, signing their client in to the attacker's
-- account) or a spent one shows nothing.
-- Called by: GET /oauth/code with the user's session claims.
-- Security: definer (auth.oauth_grants is not readable by request roles); it answers only about
-- the caller's own codes and reveals nothing else. Raises nothing (false when signed out).
create or replace function api.oauth_code_pending(code text)
returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1
    from auth.oauth_grants as g
    where g.code_hash = encode(extensions.digest(code, 'sha256'), 'hex')
      and g.user_id = auth.user_id()
      and g.used_at is null
      and g.expires_at > now()
  )
$$;

revoke all on function api.oauth_code_pending(text) from public;
grant execute on function api.oauth_code_pending(text) to ok_user;
comment on function api.oauth_code_pending(text) is
'Whether a code is an unused, unexpired authorization code of the signed-in user (for /oauth/code).';
