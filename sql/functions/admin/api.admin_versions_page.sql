-- api.admin_versions_page(): the client versions ok-client's update check reads
-- (GET /api/v3/version/<name>): [{"name", "current_version", "download_link", "updated_at"}].
-- Called by: GET /admin/versions (set with api.set_client_version).
-- Security: definer (ok_owner) after app.require_admin. Raises: PT401, PT403.
-- requires: app.require_admin.sql
create or replace function api.admin_versions_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  return coalesce((
    select jsonb_agg(jsonb_build_object('name', v.name, 'current_version', v.current_version,
                                        'download_link', v.download_link, 'updated_at', v.updated_at) order by v.name)
    from app.client_versions as v
  ), '[]'::jsonb);
end;
$$;

revoke all on function api.admin_versions_page() from public;
grant execute on function api.admin_versions_page() to ok_user;
comment on function api.admin_versions_page() is 'The published client versions (site admins).';
