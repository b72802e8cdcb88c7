-- api.v3_user_get(): GET /api/v3/user/ and /api/v3/user/<email> (x-ok-email): a user and
-- their course participations (no SID). The caller themself (any case of their email), or
-- any user for site admins. Needs scope email (all also does). ok-client reads data.email.
-- Security: definer as ok_owner: an `email`-scope token acts as
-- anonymous under RLS (auth.user_id() is null), so this reads the user it names itself, after
-- checking that it is the caller's own email (or the caller is an admin with scope `all`). Answers 401, 403 (someone else, not an admin), 404 (no such user).
-- requires: v3.auth_error.sql, v3.participations.sql
create or replace function api.v3_user_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('email');
  wanted text := coalesce(v3.header('x-ok-email'), auth.claims() ->> 'email');
  found_user jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if lower(wanted) <> lower(auth.claims() ->> 'email') and not auth.is_admin() then
    return v3.reply(403, '{}', 'You can only look up your own account');
  end if;
  select jsonb_build_object(
    'id', app.hashid_encode(u.id), 'email', u.email, 'name', u.name, 'is_admin', u.is_admin,
    'participations', v3.participations(u.id)
  )
  into found_user
  from app.users as u
  where lower(u.email) = lower(wanted);
  if found_user is null then
    return v3.reply(404, '{}', format('No user %s', wanted));
  end if;
  return v3.reply(200, found_user);
end;
$$;

revoke all on function api.v3_user_get() from public;
grant execute on function api.v3_user_get() to ok_anon, ok_user;
comment on function api.v3_user_get() is 'GET /api/v3/user/[<email>]: a user and their participations.';
