-- v3.page(): the limit and offset of a paginated /api/v3 request (x-ok-limit default
-- 150, at most 1000; x-ok-offset default 0), or null when either is not a whole number in
-- range. Called by: api.v3_export_get, api.v3_submissions_get. Security: invoker.
-- requires: v3.header.sql
create or replace function v3.page(out page_limit integer, out page_offset integer)
returns record
language plpgsql
stable
as $$
declare
  raw_limit text := coalesce(v3.header('x-ok-limit'), '150');
  raw_offset text := coalesce(v3.header('x-ok-offset'), '0');
begin
  if raw_limit !~ '^[0-9]{1,4}$' or raw_offset !~ '^[0-9]{1,9}$' or raw_limit::integer not between 1 and 1000 then
    return;
  end if;
  page_limit := raw_limit::integer;
  page_offset := raw_offset::integer;
end;
$$;

revoke all on function v3.page() from public;
grant execute on function v3.page() to ok_api;
