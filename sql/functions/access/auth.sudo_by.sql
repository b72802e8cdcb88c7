-- auth.sudo_by(): the app.users id of the site admin acting as the caller in this request
-- (claim "sudo_by" of an impersonation session started by api.sudo), or null.
-- auth.check_request() refuses claims whose sudo_by differs from their session row, so the
-- value is the one the database recorded when the admin started acting.
-- Called by: app.tg__audit (audit rows record the real actor), api functions.
-- Security: invoker. Raises 22P02 on a non-numeric sudo_by (never minted by us).
create or replace function auth.sudo_by()
returns bigint
language sql
stable
parallel safe
as $$
  select nullif(auth.claims() ->> 'sudo_by', '')::bigint
$$;

revoke all on function auth.sudo_by() from public;
grant execute on function auth.sudo_by() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.sudo_by() is 'Id of the site admin acting as the caller (sudo), or null.';
