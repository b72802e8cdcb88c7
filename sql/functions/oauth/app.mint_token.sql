-- app.mint_token(user_id, client_id, scopes, access_ttl, refresh_ttl): record a new token pair
-- and return what the web app signs and sends: {claims, refresh_token, expires_in, scope}.
-- The refresh token is 32 random bytes, returned once and stored only as its SHA-256; the
-- access token is a JWT identified by claims.jti (its signature is made outside the database).
-- Several tokens per user and client may live at once (one per device).
-- Called by: api.oauth_exchange_code, api.issue_token. Security: definer (inserts into
-- auth.oauth_tokens). Raises nothing of its own.
create or replace function app.mint_token(
  user_id bigint, client_id text, scopes text[], access_ttl integer, refresh_ttl integer
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  holder app.users;
  refresh_token text := encode(extensions.gen_random_bytes(32), 'hex');
  issued auth.oauth_tokens;
begin
  select u.* into holder from app.users as u where u.id = mint_token.user_id;
  insert into auth.oauth_tokens
    (client_id, user_id, scopes, refresh_token_hash, access_expires_at, refresh_expires_at)
  values (
    mint_token.client_id, holder.id, scopes, encode(extensions.digest(refresh_token, 'sha256'), 'hex'),
    now() + make_interval(secs => access_ttl), now() + make_interval(secs => refresh_ttl)
  )
  returning * into issued;
  return jsonb_build_object(
    'claims', app.token_claims(holder.id, holder.email::text, holder.is_admin, issued.scopes, issued.jti,
                               issued.access_expires_at),
    'refresh_token', refresh_token,
    'expires_in', access_ttl,
    'token_type', 'Bearer',
    'scope', array_to_string(issued.scopes, ' ')
  );
end;
$$;

revoke all on function app.mint_token(bigint, text, text[], integer, integer) from public;
grant execute on function app.mint_token(bigint, text, text[], integer, integer) to ok_api;
