-- api.oauth_exchange_code(client_id, client_secret, code, redirect_uri, access_ttl, refresh_ttl,
-- code_verifier): the authorization_code grant of POST /oauth/token. The code must be unused,
-- unexpired, issued to this client for this redirect URI; it is spent at once, even when the
-- exchange then fails. Returns a new token pair (app.mint_token) or an RFC 6749 error object
-- {error, error_description}.
-- PKCE (RFC 7636): when the authorization request carried a challenge, the verifier must match
-- it (S256); a verifier sent for a code issued without a challenge is refused too (a downgrade),
-- and a public client's code always needs one (app.oauth_client_check lets public clients in
-- without a secret: the verifier is their proof).
-- Called by: web/oauth as ok_auth. Security: definer (reads grants, writes tokens).
-- requires: app.oauth_client_check.sql, app.mint_token.sql, app.pkce_challenge.sql
create or replace function api.oauth_exchange_code(
  client_id text, client_secret text, code text, redirect_uri text,
  access_ttl integer default 3600, refresh_ttl integer default 15552000, code_verifier text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  client auth.oauth_clients := app.oauth_client_check(client_id, client_secret);
  grant_row auth.oauth_grants;
begin
  if client.client_id is null then
    return jsonb_build_object('error', 'invalid_client', 'error_description', 'Unknown client or wrong secret');
  end if;
  if code is null or redirect_uri is null then
    return jsonb_build_object('error', 'invalid_request', 'error_description', 'code and redirect_uri are required');
  end if;
  update auth.oauth_grants as g
  set used_at = now()
  where g.code_hash = encode(extensions.digest(code, 'sha256'), 'hex')
    and g.client_id = oauth_exchange_code.client_id
    and g.used_at is null
    and g.expires_at > now()
  returning g.* into grant_row;
  if grant_row.id is null then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'The code is invalid, used or expired');
  end if;
  if grant_row.redirect_uri <> redirect_uri then
    return jsonb_build_object('error', 'invalid_grant', 'error_description', 'redirect_uri does not match');
  end if;
  if grant_row.code_challenge is null and (code_verifier is not null or not client.is_confidential) then
    return jsonb_build_object('error', 'invalid_grant', 'error_description',
                              'The code was issued without a PKCE challenge');
  end if;
  if grant_row.code_challenge is not null
     and app.pkce_challenge(code_verifier) is distinct from grant_row.code_challenge then
    return jsonb_build_object('error', 'invalid_grant', 'error_description',
                              'code_verifier does not match the code challenge');
  end if;
  return app.mint_token(grant_row.user_id, grant_row.client_id, grant_row.scopes, access_ttl, refresh_ttl);
end;
$$;

revoke all on function api.oauth_exchange_code(text, text, text, text, integer, integer, text) from public;
grant execute on function api.oauth_exchange_code(text, text, text, text, integer, integer, text) to ok_auth;
comment on function api.oauth_exchange_code(text, text, text, text, integer, integer, text) is
'authorization_code grant: spend a code (checking its PKCE verifier), mint a token pair (web app only).';
