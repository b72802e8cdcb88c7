-- api.set_analytics_min_cell(size): an admin sets the smallest count a per-section or
-- per-group analytics figure may show (k-anonymity; analytics.min_cell_size reads it). It
-- applies from the next refresh of the snapshots. Answers {"min_cell_size"}.
-- Called by: POST /admin/analytics/min-cell. Security: definer (auth.settings is the owner's)
-- after app.require_admin; audited like every admin change (app.audit_log).
-- Raises: PT401, PT403 (app.require_admin); PT422 a size outside 1..1000.
-- requires: app.require_admin.sql
create or replace function api.set_analytics_min_cell(size integer)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  if set_analytics_min_cell.size is null or set_analytics_min_cell.size not between 1 and 1000 then
    raise sqlstate 'PT422' using message = 'The minimum cell size is a whole number from 1 to 1000 (5 is usual)';
  end if;
  insert into auth.settings (name, value) values ('analytics_min_cell', set_analytics_min_cell.size::text)
  on conflict (name) do update set value = excluded.value;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, after)
  values (auth.user_id(), auth.actor(), 'update', 'settings', jsonb_build_object('name', 'analytics_min_cell'),
          jsonb_build_object('value', set_analytics_min_cell.size));
  return jsonb_build_object('min_cell_size', set_analytics_min_cell.size);
end;
$$;

revoke all on function api.set_analytics_min_cell(integer) from public;
grant execute on function api.set_analytics_min_cell(integer) to ok_user;
comment on function api.set_analytics_min_cell(integer) is
'Set the minimum cell size of per-section and per-group analytics figures (site admins).';
