-- auth.is_admin(): true when the request runs as a site administrator (and, for a token,
-- its scope includes `all`: an admin's `email`-scope token has no admin powers).
-- The role claim is what PostgREST switched to, so it cannot disagree with current_user
-- at request level; reading the claim also works inside security-definer functions.
-- Called by: RLS policies as (select auth.is_admin()), api functions.
-- Security: invoker. Raises nothing.
-- requires: auth.scope_allows_all.sql
create or replace function auth.is_admin()
returns boolean
language sql
stable
parallel safe
as $$
  select coalesce(auth.claims() ->> 'role' = 'ok_admin', false) and auth.scope_allows_all()
$$;

revoke all on function auth.is_admin() from public;
grant execute on function auth.is_admin() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.is_admin() is 'True when the request role is ok_admin and the scope allows it.';
