-- app.token_claims(...): the claims of an access token: role (ok_admin for site admins, else
-- ok_user; PostgREST switches to it), sub (the user id), email, scope, jti, iat, exp.
-- Called by: app.mint_token, api.oauth_refresh, app.start_session (browser sessions: no scope).
-- Security: invoker. Raises nothing.
create or replace function app.token_claims(
  user_id bigint, email text, is_admin boolean, scopes text[], jti uuid, expires_at timestamptz
)
returns jsonb
language sql
stable
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'role', case when is_admin then 'ok_admin' else 'ok_user' end,
    'sub', user_id::text,
    'email', email,
    'scope', array_to_string(scopes, ' '),
    'jti', jti,
    'iat', floor(extract(epoch from now()))::bigint,
    'exp', floor(extract(epoch from expires_at))::bigint
  ))
$$;

revoke all on function app.token_claims(bigint, text, boolean, text[], uuid, timestamptz) from public;
