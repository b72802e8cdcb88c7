-- api.set_client_version(name, version, download_link): publish the current version of a
-- client (ok-client's self-update check reads it through GET /api/v3/version/<name>).
-- Called by: okadmin version set (later POST /api/v3/version/<name>).
-- Security: definer as ok_api (the caller's RLS applies); admins only.
-- Raises: PT401/PT403 not an admin; PT422 malformed name, version or link.
create or replace function api.set_client_version(name text, version text, download_link text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  saved app.client_versions;
begin
  perform app.require_admin();
  if name is null or name !~ '^[A-Za-z0-9_.-]{1,64}$' then
    raise sqlstate 'PT422' using message = format('Malformed client name %L', name);
  end if;
  if version is null or version !~ '^v?[0-9]+(\.[0-9]+)*$' then
    raise sqlstate 'PT422' using message = format('Malformed version %L: expected e.g. v1.18.1', version);
  end if;
  if download_link is not null and download_link !~ '^https?://\S+$' then
    raise sqlstate 'PT422' using message = format('Malformed download link %L', download_link);
  end if;
  insert into app.client_versions as v (name, current_version, download_link)
  values (set_client_version.name, version, download_link)
  on conflict on constraint client_versions_pkey do update
  set current_version = excluded.current_version,
      download_link = coalesce(excluded.download_link, v.download_link),
      updated_at = now()
  returning v.* into saved;
  return to_jsonb(saved);
end;
$$;

revoke all on function api.set_client_version(text, text, text) from public;
alter function api.set_client_version(text, text, text) owner to ok_api;
grant execute on function api.set_client_version(text, text, text) to ok_admin;
comment on function api.set_client_version(text, text, text) is
'Publish the current version and download link of a client (admins).';
