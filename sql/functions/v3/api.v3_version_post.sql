-- api.v3_version_post(current_version, download_link): POST /api/v3/version/<name>
-- (x-ok-name): publish a client version. Site admins only (the docs wrongly said staff).
-- Security: definer as ok_api (the caller's RLS applies). Answers 400 (missing or malformed field), 401, 403 (not an admin),
-- 404 (no client of that name); success data {}.
-- requires: v3.auth_error.sql
create or replace function api.v3_version_post(current_version text default null, download_link text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
begin
  if denied is not null then
    return denied;
  end if;
  if not auth.is_admin() then
    return v3.reply(403, '{}', 'Only site administrators can change client versions');
  end if;
  if current_version is null or download_link is null then
    return v3.reply(400, '{}', 'Missing argument: current_version and download_link are required');
  end if;
  if current_version !~ '^v?[0-9]+(\.[0-9]+)*$' then
    return v3.reply(400, '{}', format('Malformed version %L', current_version));
  end if;
  if download_link !~ '^https?://\S+$' then
    return v3.reply(400, '{}', 'URL is not valid');
  end if;
  update app.client_versions as v
  set current_version = v3_version_post.current_version,
      download_link = v3_version_post.download_link,
      updated_at = now()
  where v.name = v3.header('x-ok-name');
  if not found then
    return v3.reply(404, '{}', format('No client named %s', v3.header('x-ok-name')));
  end if;
  return v3.reply(200, '{}');
end;
$$;

revoke all on function api.v3_version_post(text, text) from public;
alter function api.v3_version_post(text, text) owner to ok_api;
grant execute on function api.v3_version_post(text, text) to ok_anon, ok_user;
comment on function api.v3_version_post(text, text) is 'POST /api/v3/version/<name>: publish a client version (admins).';
