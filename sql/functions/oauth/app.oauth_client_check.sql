-- app.oauth_client_check(client_id, client_secret): the active client these credentials
-- authenticate, or null. A confidential client must present its secret (compared by SHA-256);
-- a public client (is_confidential = false) has none to keep, so its id suffices: its codes are
-- bound to a PKCE verifier instead (api.oauth_authorize, api.oauth_exchange_code), and its
-- refresh tokens are the credential (RFC 6749 sections 2.1 and 6).
-- Called by: the token, refresh and revoke functions. Security: definer. Raises nothing.
create or replace function app.oauth_client_check(client_id text, client_secret text)
returns auth.oauth_clients
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select c.*
  from auth.oauth_clients as c
  where c.client_id = oauth_client_check.client_id
    and c.active
    and (
      not c.is_confidential
      or c.secret_hash = encode(extensions.digest(coalesce(client_secret, ''), 'sha256'), 'hex')
    )
$$;

revoke all on function app.oauth_client_check(text, text) from public;
