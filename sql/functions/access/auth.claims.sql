-- auth.claims(): the JWT claims of the current request, as PostgREST sets them.
-- Called by: every other auth.* helper, RLS policies, api functions.
-- Security: invoker. Raises nothing; outside a request it returns '{}'.
-- After a transaction the setting reads '' rather than null, hence the nullif.
create or replace function auth.claims()
returns jsonb
language sql
stable
parallel safe
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb, '{}'::jsonb)
$$;

revoke all on function auth.claims() from public;
grant execute on function auth.claims() to ok_anon, ok_user, ok_worker, ok_auth, ok_analytics_owner;
comment on function auth.claims() is 'JWT claims of the current request (request.jwt.claims), or {}.';
