-- api.admin_users_page(query): the admin's user search, in one call: the users whose email or
-- name contains query (case-insensitive; every user when empty), 100 at most, by email:
--   {"query", "matches": how many in all, "users": [{"email", "name", "is_admin",
--    "created_at", "courses": [{"offering", "role"}]}]}
-- Called by: GET /admin/users. Security: definer (ok_owner) after app.require_admin.
-- Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql
create or replace function api.admin_users_page(query text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- the query as a literal substring: % and _ typed by the admin match themselves
  pattern text := '%' || replace(replace(replace(coalesce(btrim(admin_users_page.query), ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  perform app.require_admin();
  return jsonb_build_object(
    'query', coalesce(btrim(admin_users_page.query), ''),
    'matches', (select count(*) from app.users as u where u.email ilike pattern or u.name ilike pattern),
    'users', coalesce((
      select jsonb_agg(jsonb_build_object(
        'email', u.email, 'name', u.name, 'is_admin', u.is_admin, 'created_at', u.created_at,
        'courses', coalesce((
          select jsonb_agg(jsonb_build_object('offering', c.offering, 'role', e.role) order by c.offering)
          from app.enrollments as e inner join app.courses as c on e.course_id = c.id where e.user_id = u.id
        ), '[]'::jsonb)
      ) order by lower(u.email))
      from (
        select x.* from app.users as x where x.email ilike pattern or x.name ilike pattern
        order by lower(x.email) limit 100
      ) as u
    ), '[]'::jsonb)
  );
end;
$$;

revoke all on function api.admin_users_page(text) from public;
grant execute on function api.admin_users_page(text) to ok_user;
comment on function api.admin_users_page(text) is 'Search users by email or name, with their courses (site admins).';
