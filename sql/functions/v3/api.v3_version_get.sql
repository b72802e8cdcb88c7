-- api.v3_version_get(): GET /api/v3/version/ and /api/v3/version/<name> (x-ok-name): the
-- current version and download link of clients; ok-client's self-update check reads
-- results[0].current_version and .download_link. Public.
-- Security: definer as ok_api (the caller's RLS applies). Raises nothing.
-- requires: v3.reply.sql, v3.header.sql
create or replace function api.v3_version_get()
returns jsonb
language sql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
  select v3.reply(200, jsonb_build_object('results', coalesce(jsonb_agg(
    jsonb_build_object('name', v.name, 'current_version', v.current_version, 'download_link', v.download_link)
    order by v.name), '[]'::jsonb)))
  from app.client_versions as v
  where v3.header('x-ok-name') is null or v.name = v3.header('x-ok-name')
$$;

revoke all on function api.v3_version_get() from public;
alter function api.v3_version_get() owner to ok_api;
grant execute on function api.v3_version_get() to ok_anon, ok_user;
comment on function api.v3_version_get() is 'GET /api/v3/version/[<name>]: client versions.';
