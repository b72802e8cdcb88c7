-- api.my_navigation(): what the sidebar and the course switcher of every page show, in one
-- call: {"is_admin", "courses": [{"offering", "display_name", "term", "role", "teaches",
-- "active"}]}: the caller's courses (every course for a site admin: role 'admin' where they
-- are not enrolled), active ones first, then the newest term (app.term_label), then by name.
-- teaches: the caller is staff of it (auth.staff_roles, or an admin), so the sidebar lists it
-- under "Teaching" and links its staff page. Null for a request with no user (signed-out
-- visitors, ok_anon, may not call it at all).
-- Called by: web/navigation.py (the layout, on every page). Security: definer as ok_api (the
-- caller's RLS applies: a student sees their own enrollments and courses). Raises nothing.
-- requires: app.term_label.sql, auth.is_admin.sql, auth.staff_roles.sql
create or replace function api.my_navigation()
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select case when auth.user_id() is not null or auth.is_admin() then jsonb_build_object(
    'is_admin', auth.is_admin(),
    'courses', coalesce((
      select jsonb_agg(jsonb_build_object(
        'offering', c.offering, 'display_name', c.display_name, 'term', t.label,
        'role', coalesce(e.role::text, 'admin'),
        'teaches', auth.is_admin() or e.role::text = any(auth.staff_roles()),
        'active', c.active
      ) order by c.active desc, t.sort_key desc, c.display_name, c.offering)
      from app.courses as c
      left join app.enrollments as e on c.id = e.course_id and e.user_id = auth.user_id()
      cross join lateral app.term_label(c.offering, c.term) as t
      where e.user_id is not null or auth.is_admin()
    ), '[]'::jsonb)
  ) end
$$;

revoke all on function api.my_navigation() from public;
alter function api.my_navigation() owner to ok_api;
grant execute on function api.my_navigation() to ok_user;
comment on function api.my_navigation() is
'The caller''s courses for the sidebar and the course switcher (every course for an admin).';
