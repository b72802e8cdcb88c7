-- 0039_analytics_snapshots: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The smallest count a per-section or per-group analytics figure may show (k-anonymity):
-- smaller cells are suppressed (shown as null). An admin changes it on the admin Analytics page.
insert into auth.settings (name, value) values ('analytics_min_cell', '5')
on conflict (name) do nothing;
drop policy settings_analytics_salt on auth.settings;
create policy settings_analytics_read on auth.settings for select to ok_analytics_owner
using (name in ('analytics_salt', 'analytics_min_cell'));

-- The analytics snapshots are refreshed by the worker on this schedule (and by an admin on
-- demand, from the admin Analytics page).
insert into app.scheduled_tasks (name, every, description) values
(
  'analytics_refresh', interval '15 minutes',
  'Refresh the analytics snapshots researchers and Metabase read'
)
on conflict (name) do nothing;

-- How long an upload waited between the front door receiving it (X-Request-Start, set by
-- nginx or by the app's own server) and its backup being stored: the deadline board's
-- intake latency. Null when no front door said.
-- Reason: a nullable column without a default is a catalog-only change; milliseconds of
-- waiting fit an integer (app.queued_ms bounds them to an hour).
-- squawk-ignore prefer-bigint-over-int
alter table app.backups add column queued_ms integer;
grant insert (queued_ms) on app.backups to ok_api;

-- Each stored backup is announced to the deadline boards (NOTIFY okv3_intake with the
-- course id; at commit, one per course and transaction).
create trigger _950_notify_intake after insert on app.backups
for each row execute function app.tg_backups__notify_intake();
