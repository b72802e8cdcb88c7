-- v3.paged_assignment(): the opening of a paginated /api/v3 assignment endpoint, said once:
-- the caller must be signed in with the 'all' scope (v3.auth_error), the page must be valid
-- (v3.page) and the assignment (x-ok-name) must exist for the caller. Returns the assignment
-- and the page, or in `refusal` the envelope to answer with instead: 401/403 (v3.auth_error),
-- 400 'limit must be 1..1000 and offset 0 or more', 404 'No such assignment'.
-- Called by: api.v3_export_get, api.v3_submissions_get. Security: invoker (inside those ok_api
-- definers, under the caller's RLS). Raises nothing.
-- requires: v3.auth_error.sql, v3.page.sql, v3.reply.sql, v3.header.sql
create or replace function v3.paged_assignment(
  out refusal jsonb, out assignment app.assignments, out page_limit integer, out page_offset integer
)
returns record
language plpgsql
volatile
as $$
declare
  page record;
begin
  refusal := v3.auth_error('all');
  if refusal is not null then
    return;
  end if;
  page := v3.page();
  if page.page_limit is null then
    refusal := v3.reply(400, '{}', 'limit must be 1..1000 and offset 0 or more');
    return;
  end if;
  page_limit := page.page_limit;
  page_offset := page.page_offset;
  select a.* into assignment from app.assignments as a where a.name = v3.header('x-ok-name');
  if assignment.id is null then
    refusal := v3.reply(404, '{}', 'No such assignment');
  end if;
end;
$$;

revoke all on function v3.paged_assignment() from public;
grant execute on function v3.paged_assignment() to ok_api;
