-- api.admin_clients_page(): the OAuth clients (ok-client and any other), in one call:
--   [{"client_id", "name", "description", "is_confidential", "redirect_uris", "scopes",
--     "active", "created_at", "live_tokens" (unrevoked, refreshable), "users" (who hold one),
--     "grants": [{"email", "created_at", "used_at"}] the latest 20 authorizations}]
-- Called by: GET /admin/clients. Security: definer (ok_owner) after app.require_admin.
-- Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql
create or replace function api.admin_clients_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'client_id', c.client_id, 'name', c.name, 'description', c.description,
      'is_confidential', c.is_confidential, 'redirect_uris', to_jsonb(c.redirect_uris),
      'scopes', to_jsonb(c.default_scopes), 'active', c.active, 'created_at', c.created_at,
      'live_tokens', (select count(*) from auth.oauth_tokens as t
                      where t.client_id = c.client_id and t.revoked_at is null and t.refresh_expires_at > now()),
      'users', (select count(distinct t.user_id) from auth.oauth_tokens as t
                where t.client_id = c.client_id and t.revoked_at is null and t.refresh_expires_at > now()),
      'grants', coalesce((
        select jsonb_agg(jsonb_build_object('email', g.email, 'created_at', g.created_at, 'used_at', g.used_at)
                         order by g.created_at desc)
        from (
          select u.email, x.created_at, x.used_at from auth.oauth_grants as x
          inner join app.users as u on x.user_id = u.id
          where x.client_id = c.client_id order by x.created_at desc limit 20
        ) as g
      ), '[]'::jsonb)
    ) order by c.client_id)
    from auth.oauth_clients as c
  ), '[]'::jsonb);
end;
$$;

revoke all on function api.admin_clients_page() from public;
grant execute on function api.admin_clients_page() to ok_user;
comment on function api.admin_clients_page() is 'OAuth clients with their live tokens and latest grants (site admins).';
