-- api.revoke_my_token(token_id): the signed-in user revokes one of their own tokens (e.g. a
-- lost laptop). Takes effect at once: the pre-request check refuses its access tokens.
-- Called by: the "Signed-in devices" page. Security: definer as ok_api (the caller's RLS applies) (RLS: own tokens only).
-- Raises: PT401 not signed in, PT404 not one of the caller's live tokens.
-- requires: app.require_login.sql
create or replace function api.revoke_my_token(token_id bigint)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_login();
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.id = token_id and t.user_id = auth.user_id() and t.revoked_at is null;
  if not found then
    raise sqlstate 'PT404' using message = 'No such live token';
  end if;
end;
$$;

revoke all on function api.revoke_my_token(bigint) from public;
alter function api.revoke_my_token(bigint) owner to ok_api;
grant execute on function api.revoke_my_token(bigint) to ok_user;
comment on function api.revoke_my_token(bigint) is 'Revoke one of the caller''s own tokens.';
