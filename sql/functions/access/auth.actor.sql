-- auth.actor(): a readable name for whoever acts in this request, for the audit log:
-- the email claim, else the "actor" claim (e.g. okadmin, worker), else the database role.
-- Called by: audit triggers. Security: invoker. Raises nothing.
create or replace function auth.actor()
returns text
language sql
stable
parallel safe
as $$
  select coalesce(
    nullif(auth.claims() ->> 'email', ''),
    nullif(auth.claims() ->> 'actor', ''),
    current_user::text
  )
$$;

revoke all on function auth.actor() from public;
grant execute on function auth.actor() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.actor() is 'Who acts in this request, for audit rows.';
