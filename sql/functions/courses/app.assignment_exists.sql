-- app.assignment_exists(name): whether an assignment of that name exists, visible or not,
-- so that a hidden assignment answers 403 rather than 404 (as okpy/ok did). Reveals one bit.
-- Called by: api.v3_assignment_get. Security: definer. Raises nothing.
create or replace function app.assignment_exists(name text)
returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app.assignments as a where a.name = assignment_exists.name)
$$;

revoke all on function app.assignment_exists(text) from public;
grant execute on function app.assignment_exists(text) to ok_api;
