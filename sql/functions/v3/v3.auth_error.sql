-- v3.auth_error(required_scope): null when the caller may use an endpoint needing that
-- scope, else the envelope to answer with: 401 'Not logged in' for anonymous callers, 403
-- "The '<scope>' scope is required" (data current_scopes, required_scopes) for a token
-- without it. Browser-session calls carry no scope claim and skip scope checks, as in okpy/ok.
-- Called by: api.v3_* functions, first. Security: invoker. Raises nothing.
-- requires: v3.reply.sql
create or replace function v3.auth_error(required_scope text default 'all')
returns jsonb
language plpgsql
volatile
as $$
declare
  scopes text[] := string_to_array(auth.claims() ->> 'scope', ' ');
begin
  if auth.signed_in_id() is null then
    return v3.reply(401, '{}', 'Not logged in');
  end if;
  if scopes is null or 'all' = any(scopes) or required_scope = any(scopes) then
    return null;
  end if;
  return v3.reply(
    403,
    jsonb_build_object('current_scopes', to_jsonb(scopes), 'required_scopes', jsonb_build_array(required_scope)),
    format('The ''%s'' scope is required', required_scope)
  );
end;
$$;

revoke all on function v3.auth_error(text) from public;
grant execute on function v3.auth_error(text) to ok_api;
