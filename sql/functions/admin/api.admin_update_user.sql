-- api.admin_update_user(email, new_email, name, is_admin): an admin corrects a user's email
-- or name, or makes them an admin (or not); a null argument keeps the value. An admin cannot
-- remove their own admin rights (another admin must), so the site never loses its last one
-- by a slip. Sessions and tokens stay valid: they name the user, not the address.
-- Called by: the admin users page (each user's row). Security: definer (ok_owner) after
-- app.require_admin; the change goes through the audit trigger.
-- Raises: PT401, PT403 (app.require_admin); PT404 unknown user; PT422 a malformed email;
-- PT409 the email belongs to someone else; PT403 removing one's own admin rights.
-- requires: app.require_admin.sql, app.email_is_valid.sql
create or replace function api.admin_update_user(
  email text, new_email text default null, name text default null, is_admin boolean default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.users;
begin
  perform app.require_admin();
  select u.* into target from app.users as u where lower(u.email) = lower(btrim(coalesce(admin_update_user.email, '')));
  if target.id is null then
    raise sqlstate 'PT404' using message = format('No user %s', admin_update_user.email);
  end if;
  if admin_update_user.new_email is not null and not app.email_is_valid(admin_update_user.new_email) then
    raise sqlstate 'PT422' using message = format('Malformed email address %L', admin_update_user.new_email);
  end if;
  if exists (select 1 from app.users as u
             where lower(u.email) = lower(btrim(admin_update_user.new_email)) and u.id <> target.id) then
    raise sqlstate 'PT409' using message = format('%s is already the address of another user', btrim(admin_update_user.new_email));
  end if;
  if target.id = auth.user_id() and admin_update_user.is_admin is false then
    raise sqlstate 'PT403' using message = 'You cannot remove your own admin rights: ask another admin';
  end if;
  update app.users as u
  set email = coalesce(btrim(admin_update_user.new_email), u.email),
      name = case when admin_update_user.name is null then u.name else nullif(btrim(admin_update_user.name), '') end,
      is_admin = coalesce(admin_update_user.is_admin, u.is_admin)
  where u.id = target.id
  returning u.* into target;
  return jsonb_build_object('email', target.email, 'name', target.name, 'is_admin', target.is_admin);
end;
$$;

revoke all on function api.admin_update_user(text, text, text, boolean) from public;
grant execute on function api.admin_update_user(text, text, text, boolean) to ok_user;
comment on function api.admin_update_user(text, text, text, boolean) is
'Change a user''s email or name, or make them an admin (site admins).';
