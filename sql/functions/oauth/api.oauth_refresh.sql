-- api.oauth_refresh(client_id, client_secret, refresh_token, access_ttl): the refresh_token
-- grant. The refresh token stays valid after use (ok-client 1.18.1 keeps the old one) until
-- it expires or is revoked; each refresh gives the token a new jti, so earlier access tokens
-- of that device stop working. Returns {claims, refresh_token (the same), expires_in, scope}
-- or an RFC 6749 error object.
-- Called by: web/oauth as ok_auth. Security: definer.
-- requires: app.oauth_client_check.sql, app.token_claims.sql
create or replace function api.oauth_refresh(
  client_id text, client_secret text, refresh_token text, access_ttl integer default 3600
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  token auth.oauth_tokens;
  holder app.users;
begin
  if (app.oauth_client_check(client_id, client_secret)).client_id is null then
    return jsonb_build_object('error', 'invalid_client', 'error_description', 'Unknown client or wrong secret');
  end if;
  update auth.oauth_tokens as t
  set jti = extensions.gen_random_uuid(),
      access_expires_at = now() + make_interval(secs => access_ttl),
      last_refreshed_at = now()
  where t.refresh_token_hash = encode(extensions.digest(coalesce(refresh_token, ''), 'sha256'), 'hex')
    and t.client_id = oauth_refresh.client_id
    and t.revoked_at is null
    and t.refresh_expires_at > now()
  returning t.* into token;
  if token.id is null then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'The refresh token is invalid, revoked or expired');
  end if;
  select u.* into holder from app.users as u where u.id = token.user_id;
  return jsonb_build_object(
    'claims', app.token_claims(holder.id, holder.email::text, holder.is_admin, token.scopes, token.jti,
                               token.access_expires_at),
    'refresh_token', refresh_token,
    'expires_in', access_ttl,
    'token_type', 'Bearer',
    'scope', array_to_string(token.scopes, ' ')
  );
end;
$$;

revoke all on function api.oauth_refresh(text, text, text, integer) from public;
grant execute on function api.oauth_refresh(text, text, text, integer) to ok_auth;
comment on function api.oauth_refresh(text, text, text, integer) is
'refresh_token grant: a fresh access token; the refresh token stays valid (web app only).';
