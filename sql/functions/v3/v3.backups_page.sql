-- v3.backups_page(page_ids, total): the 200 answer of a paginated /api/v3 backups endpoint,
-- said once: {"backups": the page's backups in the full shape (v3.backups_json), "count":
-- total, "limit", "offset" (v3.page), "has_more"}.
-- Called by: api.v3_export_get, api.v3_submissions_get. Security: invoker. Raises nothing.
-- requires: v3.backups_json.sql, v3.page.sql, v3.reply.sql
create or replace function v3.backups_page(page_ids bigint[], total bigint)
returns jsonb
language plpgsql
volatile
as $$
declare
  page record := v3.page();
begin
  return v3.reply(200, jsonb_build_object(
    'backups', v3.backups_json(coalesce(page_ids, '{}')),
    'count', total, 'limit', page.page_limit, 'offset', page.page_offset,
    'has_more', page.page_offset + page.page_limit < total
  ));
end;
$$;

revoke all on function v3.backups_page(bigint[], bigint) from public;
grant execute on function v3.backups_page(bigint[], bigint) to ok_api;
