-- app.unsubscribe_token(user_id, kind): the token of a message's unsubscribe link, said once:
-- an HMAC of the user and the kind with the secret mail_salt (auth.settings), so a link turns
-- off one kind of mail for one user and cannot be made for another.
-- Called by: app.queue_mail (every message's link), api.unsubscribe (checks a link).
-- Security: definer (reads the salt); executable by the owner only. Raises nothing.
create or replace function app.unsubscribe_token(user_id bigint, kind text)
returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select left(encode(extensions.hmac(unsubscribe_token.user_id::text || ':' || unsubscribe_token.kind, s.value, 'sha256'), 'hex'), 32)
  from auth.settings as s
  where s.name = 'mail_salt'
$$;

revoke all on function app.unsubscribe_token(bigint, text) from public;
