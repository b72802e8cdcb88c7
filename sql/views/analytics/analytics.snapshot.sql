-- analytics.snapshot: when the analytics snapshots were last refreshed, and the minimum cell
-- size they were computed with: one row. Refreshed last by analytics.refresh_snapshots, so
-- its time is that of the whole set.
-- Read by: Metabase and researchers (ok_analytics); api.admin_analytics_page.
-- Security: a snapshot owned by ok_analytics_owner. requires: analytics.min_cell_size.sql
create materialized view analytics.snapshot as
select
  now() as refreshed_at,
  analytics.min_cell_size() as min_cell_size;

create unique index snapshot_key_idx on analytics.snapshot (refreshed_at);

grant select on analytics.snapshot to ok_analytics;
comment on materialized view analytics.snapshot is
'When the analytics snapshots were last refreshed, and the minimum cell size in force.';
comment on column analytics.snapshot.refreshed_at is 'When the snapshots were last refreshed (UTC); they are refreshed every 15 minutes and on demand.';
comment on column analytics.snapshot.min_cell_size is 'The smallest count a per-section or per-group figure shows (k-anonymity); smaller ones are suppressed.';
