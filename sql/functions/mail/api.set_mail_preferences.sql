-- api.set_mail_preferences(muted): the kinds of notification mail the signed-in user turns
-- off (every other kind is on). Answers the settings as api.mail_settings_page does.
-- Called by: POST /settings/mail. Security: definer (writes the caller's own row only).
-- Raises: PT401 (app.require_login); PT422 an unknown kind.
-- requires: app.require_login.sql, app.mail_kinds.sql, api.mail_settings_page.sql
create or replace function api.set_mail_preferences(muted text[])
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  unknown text;
begin
  perform app.require_login();
  select m into unknown from unnest(set_mail_preferences.muted) as m
  where not exists (select 1 from app.mail_kinds() as k where k.kind = m) limit 1;
  if unknown is not null then
    raise sqlstate 'PT422' using message = format('No such kind of mail: %s', unknown);
  end if;
  update app.users as u
  set mail_muted = array(select distinct m from unnest(coalesce(set_mail_preferences.muted, '{}')) as m order by m)
  where u.id = auth.user_id();
  return api.mail_settings_page();
end;
$$;

revoke all on function api.set_mail_preferences(text[]) from public;
grant execute on function api.set_mail_preferences(text[]) to ok_user;
comment on function api.set_mail_preferences(text[]) is 'Turn kinds of notification mail off (the rest on) for the signed-in user.';
