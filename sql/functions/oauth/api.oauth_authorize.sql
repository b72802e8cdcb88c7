-- api.oauth_authorize(client_id, redirect_uri, scope, code_challenge, code_challenge_method): the
-- signed-in user consents: a one-time authorization code, valid 5 minutes, bound to the client,
-- redirect URI, scopes and, when the client sent one, its PKCE challenge (RFC 7636). The code is
-- returned once; only its SHA-256 is stored.
-- PKCE: S256 only; a challenge is honoured for every client and required from public clients
-- (auth.oauth_clients.is_confidential = false), which have no secret to prove the exchange with.
-- Called by: POST /oauth/authorize with the user's session claims.
-- Security: definer (users cannot write auth.oauth_grants directly); acts for auth.user_id().
-- Not while a site admin acts as the user (sudo): a token would let the admin act as them
-- later with nothing recording who really acted.
-- Raises: PT401 not signed in; PT403 'access_denied' under sudo; PT400 'invalid_client',
-- 'invalid_redirect_uri', 'invalid_scope', 'invalid_request' (PKCE: missing for a public
-- client, a method other than S256, or a malformed challenge; the detail says which, for
-- error_description).
-- requires: app.redirect_allowed.sql
create or replace function api.oauth_authorize(
  client_id text,
  redirect_uri text,
  scope text default 'all',
  code_challenge text default null,
  code_challenge_method text default null
)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  client auth.oauth_clients;
  scopes text[] := string_to_array(coalesce(nullif(btrim(scope), ''), 'all'), ' ');
  code text := encode(extensions.gen_random_bytes(24), 'hex');
begin
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  if auth.sudo_by() is not null then
    raise sqlstate 'PT403' using message = 'access_denied',
      detail = 'No tokens are issued to a site admin acting as another user.';
  end if;
  select c.* into client from auth.oauth_clients as c where c.client_id = oauth_authorize.client_id and c.active;
  if client.client_id is null then
    raise sqlstate 'PT400' using message = 'invalid_client';
  end if;
  if not app.redirect_allowed(client.redirect_uris, redirect_uri) then
    raise sqlstate 'PT400' using message = 'invalid_redirect_uri';
  end if;
  if not scopes <@ client.default_scopes or not scopes <@ array['all', 'email'] then
    raise sqlstate 'PT400' using message = 'invalid_scope';
  end if;
  if code_challenge is null and code_challenge_method is not null then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'code_challenge_method without code_challenge';
  end if;
  if code_challenge is null and not client.is_confidential then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'code challenge required (PKCE, S256)';
  end if;
  if code_challenge is not null and coalesce(code_challenge_method, 'plain') <> 'S256' then
    raise sqlstate 'PT400' using message = 'invalid_request', detail = 'transform algorithm not supported: use S256';
  end if;
  if code_challenge !~ '^[A-Za-z0-9_-]{43}$' then
    raise sqlstate 'PT400' using message = 'invalid_request',
    detail = 'code_challenge must be BASE64URL(SHA256(code_verifier)), 43 characters';
  end if;
  insert into auth.oauth_grants (
    client_id, user_id, code_hash, redirect_uri, scopes, expires_at, code_challenge, code_challenge_method
  )
  values (
    client.client_id, auth.user_id(), encode(extensions.digest(code, 'sha256'), 'hex'), redirect_uri, scopes,
    now() + interval '5 minutes', code_challenge, code_challenge_method
  );
  return code;
end;
$$;

revoke all on function api.oauth_authorize(text, text, text, text, text) from public;
grant execute on function api.oauth_authorize(text, text, text, text, text) to ok_user;
comment on function api.oauth_authorize(text, text, text, text, text) is
'Issue an authorization code to the signed-in user (PKCE S256 honoured; required for public clients).';
