-- auth.signed_in_id(): the app.users id the request's token or session names (claim "sub"),
-- whatever the token's scope, or null when anonymous.
-- Only for the identity and enrollment endpoints that an `email`-scope token may reach,
-- and for telling "not signed in" (401) from "scope missing" (403). Every other reader of
-- the caller's id uses auth.user_id(), which is null for an `email`-scope token.
-- Called by: v3.auth_error (so every api.v3_* endpoint that needs a signed-in caller).
-- Security: invoker. Raises 22P02 if a token carries a non-numeric sub (never minted by us).
create or replace function auth.signed_in_id()
returns bigint
language sql
stable
parallel safe
as $$
  select nullif(auth.claims() ->> 'sub', '')::bigint
$$;

revoke all on function auth.signed_in_id() from public;
grant execute on function auth.signed_in_id() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.signed_in_id() is
'Id named by the token or session (claim sub) whatever its scope, or null.';
