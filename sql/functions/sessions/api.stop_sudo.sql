-- api.stop_sudo(): end the impersonation session the request runs in and return the claims
-- of the admin's own session (the one api.sudo started from), re-checked now: if that
-- session has ended or the admin is no longer a site admin, it is revoked too and null is
-- returned (the web app then signs the browser out). Writes a 'sudo_end' audit row.
-- Called by: web/oauth/login.py ("Stop acting as ...") under the impersonation session.
-- Security: definer: the admin's session and user row are not the impersonated user's to
-- read, and audit rows are written by the owner only.
-- Raises: PT409 the request is not an impersonation session.
-- requires: app.token_claims.sql
create or replace function api.stop_sudo()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  acting record;
  admin app.users;
  origin record;
begin
  select s.id, s.user_id, s.sudo_by, s.parent_id into acting
  from auth.sessions as s
  where s.id = auth.session_id() and s.sudo_by is not null;
  if not found then
    raise sqlstate 'PT409' using message = 'You are not acting as another user';
  end if;
  update auth.sessions as s set revoked_at = now() where s.id = acting.id and s.revoked_at is null;
  select u.* into admin from app.users as u where u.id = acting.sudo_by;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (admin.id, admin.email::text, 'sudo_end', 'users', jsonb_build_object('id', acting.user_id),
          jsonb_build_object('acting_as', auth.claims() ->> 'email'));
  select p.jti, p.expires_at into origin
  from auth.sessions as p
  where p.id = acting.parent_id and p.revoked_at is null and p.expires_at > now();
  if not found or not admin.is_admin then
    update auth.sessions as p set revoked_at = now() where p.id = acting.parent_id and p.revoked_at is null;
    return null;
  end if;
  return app.token_claims(admin.id, admin.email::text, true, null, origin.jti, origin.expires_at);
end;
$$;

revoke all on function api.stop_sudo() from public;
grant execute on function api.stop_sudo() to ok_user;
comment on function api.stop_sudo() is
'Stop acting as another user: ends the impersonation session, returns the admin''s own session claims or null.';
