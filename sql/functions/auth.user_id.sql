-- auth.user_id(): the app.users id of the caller (claim "sub"), or null when anonymous.
-- Called by: RLS policies as (select auth.user_id()), api functions.
-- Security: invoker. Raises 22P02 if a token carries a non-numeric sub (never minted by us).
create or replace function auth.user_id()
returns bigint
language sql
stable
parallel safe
as $$
  select nullif(auth.claims() ->> 'sub', '')::bigint
$$;

revoke all on function auth.user_id() from public;
grant execute on function auth.user_id() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.user_id() is 'Id of the signed-in user (claim sub), or null.';
