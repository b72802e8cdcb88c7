-- api.oauth_client_info(client_id, redirect_uri): what the consent page shows, and whether the
-- request may proceed: {client_id, name, description, scopes, redirect_ok}; null for an
-- unknown or inactive client.
-- Called by: /oauth/authorize. Security: definer (clients are not readable by users).
-- requires: app.redirect_allowed.sql
create or replace function api.oauth_client_info(client_id text, redirect_uri text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select jsonb_build_object(
    'client_id', c.client_id, 'name', c.name, 'description', c.description,
    'scopes', to_jsonb(c.default_scopes),
    'redirect_ok', app.redirect_allowed(c.redirect_uris, redirect_uri)
  )
  from auth.oauth_clients as c
  where c.client_id = oauth_client_info.client_id and c.active
$$;

revoke all on function api.oauth_client_info(text, text) from public;
grant execute on function api.oauth_client_info(text, text) to ok_user, ok_auth;
comment on function api.oauth_client_info(text, text) is 'An active OAuth client, for the consent page.';
