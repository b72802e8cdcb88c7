-- api.issue_token(email, scope, expires_in, refresh_expires_in, client_id): mint a token pair
-- for a user without the browser flow (okadmin token issue; test set-up; staff scripts).
-- The database records the token (jti, scopes, expiry, the SHA-256 of a fresh random
-- refresh token) and returns the claims; the caller signs them into the HS256 JWT that
-- PostgREST and the web app verify, with the secret the database never sees.
-- Called by: okadmin. Security: definer as ok_api (the caller's RLS applies); admins only.
-- requires: app.mint_token.sql
-- Raises: PT401/PT403 not an admin; PT404 unknown user or client; PT422 unknown scope or
-- a lifetime outside 60 s .. 1 year.
create or replace function api.issue_token(
  email text,
  scope text default 'all',
  expires_in integer default 3600,
  refresh_expires_in integer default 15552000,
  client_id text default 'ok-client'
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  holder app.users;
begin
  perform app.require_admin();
  if scope is null or scope not in ('all', 'email') then
    raise sqlstate 'PT422' using message = format('Unknown scope %L: expected all or email', scope);
  end if;
  if expires_in is null or expires_in not between 60 and 31536000
     or refresh_expires_in is null or refresh_expires_in not between 60 and 31536000 then
    raise sqlstate 'PT422' using message = 'Token lifetimes must be between 60 seconds and one year';
  end if;
  select u.* into holder from app.users as u where lower(u.email) = lower(issue_token.email);
  if holder.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  if not exists (
    select 1 from auth.oauth_clients as c where c.client_id = issue_token.client_id and c.active
  ) then
    raise sqlstate 'PT404' using message = format('No active OAuth client %s', client_id);
  end if;
  return app.mint_token(holder.id, issue_token.client_id, array[scope], expires_in, refresh_expires_in);
end;
$$;

revoke all on function api.issue_token(text, text, integer, integer, text) from public;
alter function api.issue_token(text, text, integer, integer, text) owner to ok_api;
grant execute on function api.issue_token(text, text, integer, integer, text) to ok_admin;
comment on function api.issue_token(text, text, integer, integer, text) is
'Record a token pair for a user and return the claims to sign (admins).';
