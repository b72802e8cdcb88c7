-- api.sign_out_everywhere(): the signed-in user ends every browser session and OAuth token
-- of theirs (every device, the current browser included), every impersonation session
-- they started as an admin, and, when an admin runs it while acting as them, that admin's
-- own session behind the impersonation. Everything is refused from the next request on.
-- Returns how many live sessions and unrevoked tokens were revoked.
-- Called by: the "Signed-in devices" page. Security: definer: the sessions an admin
-- started as someone else belong to that someone (and vice versa).
-- Raises: PT401 not signed in.
-- requires: app.require_login.sql
create or replace function api.sign_out_everywhere()
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me bigint := auth.user_id();
  sessions_revoked integer;
  tokens_revoked integer;
begin
  perform app.require_login();
  update auth.sessions as s
  set revoked_at = now()
  where s.revoked_at is null
    and s.expires_at > now()
    and (s.user_id = me
         or s.sudo_by = me
         or s.id = (select c.parent_id from auth.sessions as c where c.id = auth.session_id()));
  get diagnostics sessions_revoked = row_count;
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.revoked_at is null and t.user_id = me;
  get diagnostics tokens_revoked = row_count;
  return sessions_revoked + tokens_revoked;
end;
$$;

revoke all on function api.sign_out_everywhere() from public;
grant execute on function api.sign_out_everywhere() to ok_user;
comment on function api.sign_out_everywhere() is
'Revoke all of the caller''s browser sessions and OAuth tokens (every device).';
