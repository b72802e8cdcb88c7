-- api.unsubscribe(user_key, kind, token, confirm): the unsubscribe link of every message,
-- which works without signing in: the link names the user (hashid), the kind and a token
-- (app.unsubscribe_token) that only the server can make. Without confirm it only describes
-- what the link would turn off {kind, label, email (partly hidden), off}; with confirm it
-- turns that kind off for that user. A link that was tampered with changes nothing.
-- Called by: GET and POST /settings/unsubscribe. Security: definer (anonymous callers; the
-- token is the authority). Raises: PT404 'This unsubscribe link is not valid'.
-- requires: app.unsubscribe_token.sql, app.mail_kinds.sql, app.hashid_decode.sql
create or replace function api.unsubscribe(user_key text, kind text, token text, confirm boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  who bigint := app.hashid_decode(unsubscribe.user_key);
  person app.users;
  label text := (select k.label from app.mail_kinds() as k where k.kind = unsubscribe.kind);
begin
  select u.* into person from app.users as u where u.id = who;
  if person.id is null or label is null
     or unsubscribe.token is distinct from app.unsubscribe_token(person.id, unsubscribe.kind) then
    raise sqlstate 'PT404' using message = 'This unsubscribe link is not valid';
  end if;
  if unsubscribe.confirm then
    update app.users as u set mail_muted = array(select distinct m from unnest(u.mail_muted || unsubscribe.kind) as m order by m)
    where u.id = person.id
    returning u.* into person;
  end if;
  return jsonb_build_object('kind', unsubscribe.kind, 'label', label,
    'email', regexp_replace(person.email::text, '^(.).*(@.*)$', '\1…\2'),
    'off', unsubscribe.kind = any(person.mail_muted));
end;
$$;

revoke all on function api.unsubscribe(text, text, text, boolean) from public;
grant execute on function api.unsubscribe(text, text, text, boolean) to ok_anon, ok_user;
comment on function api.unsubscribe(text, text, text, boolean) is
'A message''s unsubscribe link: describe it, or (confirm) turn that kind of mail off; no sign-in needed.';
