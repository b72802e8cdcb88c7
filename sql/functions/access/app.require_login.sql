-- app.require_login(): raise unless the request comes from a signed-in user or a site admin
-- (okadmin acts as an admin without a user id).
-- Called by: api functions that act for a person, first thing.
-- Security: invoker. Raises: PT401 'Not logged in'.
create or replace function app.require_login()
returns void
language plpgsql
stable
as $$
begin
  if auth.user_id() is null and not auth.is_admin() then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
end;
$$;

revoke all on function app.require_login() from public;
grant execute on function app.require_login() to ok_api;
