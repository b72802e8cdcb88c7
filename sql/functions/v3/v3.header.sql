-- v3.header(name): a request header (names are lower-case), or null.
-- nginx and the Flask shim pass the route's path parts and query options as X-Ok-* headers
-- (x-ok-name, x-ok-email, x-ok-key, x-ok-limit, ...), the client's name and version as
-- x-ok-client-name and x-ok-client-version.
-- Called by: api.v3_* functions. Security: invoker. Raises nothing.
create or replace function v3.header(name text)
returns text
language sql
stable
parallel safe
as $$
  select nullif(
    coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb ->> lower(name), ''
  )
$$;

revoke all on function v3.header(text) from public;
grant execute on function v3.header(text) to ok_api;
