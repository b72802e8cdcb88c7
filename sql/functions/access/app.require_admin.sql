-- app.require_admin(): raise unless the request runs as a site administrator.
-- Called by: api functions reserved to admins, first thing, so callers get a clear
-- error instead of rows silently filtered away by RLS.
-- Security: invoker. Raises: PT401 'Not logged in' (anonymous), PT403 'Site administrators only'.
create or replace function app.require_admin()
returns void
language plpgsql
stable
as $$
begin
  if auth.is_admin() then
    return;
  end if;
  if auth.user_id() is null then
    raise sqlstate 'PT401' using message = 'Not logged in';
  end if;
  raise sqlstate 'PT403' using message = 'Site administrators only';
end;
$$;

revoke all on function app.require_admin() from public;
grant execute on function app.require_admin() to ok_api;
