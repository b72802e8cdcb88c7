-- auth.scope_allows_all(): whether the request may act fully: a browser session (no scope
-- claim) or a token whose scope includes `all`. The one place the scope rule is said;
-- auth.user_id() and auth.is_admin() read it, so an `email`-scope token acts as anonymous.
-- Called by: auth.user_id, auth.is_admin. Security: invoker. Raises nothing.
create or replace function auth.scope_allows_all()
returns boolean
language sql
stable
parallel safe
as $$
  select not c.claims ? 'scope' or 'all' = any(string_to_array(c.claims ->> 'scope', ' '))
  from (select auth.claims() as claims) as c
$$;

revoke all on function auth.scope_allows_all() from public;
grant execute on function auth.scope_allows_all() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.scope_allows_all() is
'True for a browser session or a token whose scope includes all.';
