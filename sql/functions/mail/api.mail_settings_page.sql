-- api.mail_settings_page(): the signed-in user's mail settings: each kind of notification
-- (app.mail_kinds) with whether it is on, their address, and which of their courses have
-- turned all mail off. Answers {email, kinds: [{kind, label, on}], quiet_courses: [...]}.
-- Called by: GET /settings/mail. Security: definer (reads the caller's own row).
-- Raises: PT401 not signed in (app.require_login).
-- requires: app.require_login.sql, app.mail_kinds.sql
create or replace function api.mail_settings_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me app.users;
begin
  perform app.require_login();
  select u.* into me from app.users as u where u.id = auth.user_id();
  return jsonb_build_object(
    'email', me.email,
    'kinds', (select jsonb_agg(jsonb_build_object('kind', k.kind, 'label', k.label, 'on', not (k.kind = any(me.mail_muted))))
              from app.mail_kinds() as k),
    'quiet_courses', coalesce((
      select jsonb_agg(c.display_name order by c.display_name)
      from app.enrollments as e inner join app.courses as c on e.course_id = c.id
      where e.user_id = me.id and not c.mail_enabled), '[]'::jsonb)
  );
end;
$$;

revoke all on function api.mail_settings_page() from public;
grant execute on function api.mail_settings_page() to ok_user;
comment on function api.mail_settings_page() is 'The signed-in user''s kinds of notification mail, on or off.';
