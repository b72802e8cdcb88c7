-- api.sudo_preview(email): who a site admin is about to act as (/sudo/<email>, before they
-- confirm): the user's email, name, whether they are an admin, and their courses with roles.
-- Called by: web/oauth/login.py (the confirmation page). Security: definer (reads any user
-- and their enrollments); checks the caller is an admin first, so the page needs no rule of
-- its own. Raises: PT401/PT403 not an admin; PT404 unknown user.
-- requires: app.require_admin.sql
create or replace function api.sudo_preview(email text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  person jsonb;
begin
  perform app.require_admin();
  select jsonb_build_object(
    'email', u.email, 'name', u.name, 'is_admin', u.is_admin,
    'courses', coalesce((
      select jsonb_agg(jsonb_build_object('offering', c.offering, 'display_name', c.display_name, 'role', e.role)
                       order by c.offering)
      from app.enrollments as e
      inner join app.courses as c on e.course_id = c.id
      where e.user_id = u.id
    ), '[]'::jsonb)
  )
  into person
  from app.users as u
  where lower(u.email) = lower(sudo_preview.email);
  if person is null then
    raise sqlstate 'PT404' using message = format('No user %s', email);
  end if;
  return person;
end;
$$;

revoke all on function api.sudo_preview(text) from public;
grant execute on function api.sudo_preview(text) to ok_admin;
comment on function api.sudo_preview(text) is 'Who an admin is about to act as: name, admin flag, courses (admins).';
