-- api.v3_info(): GET /api/v3/, what this API is. Public.
-- Security: definer as ok_api (the caller's RLS applies). Raises nothing.
-- requires: v3.reply.sql
create or replace function api.v3_info()
returns jsonb
language sql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
  select v3.reply(200, jsonb_build_object(
    'version', 'v3', 'url', '/api/v3/',
    'documentation', 'https://okpy.github.io/documentation', 'github', 'https://github.com/okpy/ok'
  ))
$$;

revoke all on function api.v3_info() from public;
alter function api.v3_info() owner to ok_api;
grant execute on function api.v3_info() to ok_anon, ok_user;
comment on function api.v3_info() is 'GET /api/v3/: API information.';
