-- api.oauth_revoke(client_id, client_secret, refresh_token, jti): POST /oauth/revoke (RFC 7009):
-- revoke the token pair identified by a refresh token, or by the jti of an access token the
-- web app has verified. Unknown tokens are not an error (the RFC answers 200 either way).
-- Returns false when the client credentials are wrong.
-- Called by: web/oauth as ok_auth. Security: definer.
-- requires: app.oauth_client_check.sql
create or replace function api.oauth_revoke(
  client_id text, client_secret text, refresh_token text default null, jti uuid default null
)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if (app.oauth_client_check(client_id, client_secret)).client_id is null then
    return false;
  end if;
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.client_id = oauth_revoke.client_id
    and t.revoked_at is null
    and (t.refresh_token_hash = encode(extensions.digest(refresh_token, 'sha256'), 'hex') or t.jti = oauth_revoke.jti);
  return true;
end;
$$;

revoke all on function api.oauth_revoke(text, text, text, uuid) from public;
grant execute on function api.oauth_revoke(text, text, text, uuid) to ok_auth;
comment on function api.oauth_revoke(text, text, text, uuid) is 'Revoke a token pair (RFC 7009; web app only).';
