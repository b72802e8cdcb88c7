-- auth.user_id(): the app.users id the request acts for (claim "sub"), or null when
-- anonymous or when the token's scope does not include `all`. Scopes bound every api
-- function and every policy here, in one place, whatever path serves api: a token with
-- only the `email` scope acts as anonymous (auth.signed_in_id() still names its user for
-- the identity endpoints). Browser sessions carry no scope claim and act fully. An
-- `autograder` token (app.mint_autograder_token) acts for the staff member it was made for,
-- but only in its one course (auth.course_ids) and only on the two endpoints
-- auth.check_request lets it reach.
-- Called by: RLS policies as (select auth.user_id()), api functions, auth.is_admin.
-- Security: invoker. Raises 22P02 if a token carries a non-numeric sub (never minted by us).
-- requires: auth.scope_allows_all.sql
create or replace function auth.user_id()
returns bigint
language sql
stable
parallel safe
as $$
  select nullif(auth.claims() ->> 'sub', '')::bigint
  where auth.scope_allows_all() or auth.claims() ->> 'scope' = 'autograder'
$$;

revoke all on function auth.user_id() from public;
grant execute on function auth.user_id() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.user_id() is 'Id of the user the request acts for (claim sub, when the scope allows), or null.';
