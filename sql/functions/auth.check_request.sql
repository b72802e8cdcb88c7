-- auth.check_request(): PostgREST's db-pre-request hook (and the Flask shim's).
-- Runs after the role and claims are set and before the main query. Rejects access
-- tokens that were revoked (their jti is marked revoked in auth.oauth_tokens) so that
-- revocation takes effect at once, not when the JWT expires.
-- Security: definer (reads auth.oauth_tokens whatever the caller may see).
-- Raises: PT401 'Token revoked' for a revoked or unknown jti.
create or replace function auth.check_request()
returns void
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  token_jti text := auth.claims() ->> 'jti';
begin
  if token_jti is null then
    return;
  end if;
  if not exists (
    select 1
    from auth.oauth_tokens as t
    where t.jti = token_jti::uuid
      and t.revoked_at is null
  ) then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The access token was revoked or is unknown.';
  end if;
end;
$$;

revoke all on function auth.check_request() from public;
grant execute on function auth.check_request() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.check_request() is
'db-pre-request hook: rejects revoked access tokens (PT401).';
