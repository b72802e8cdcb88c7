-- 0039_analytics_snapshots: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

drop trigger _950_notify_intake on app.backups;
revoke insert (queued_ms) on app.backups from ok_api;
-- Reason: the downgrade removes the column its upgrade added; only the board reads it.
-- squawk-ignore ban-drop-column
alter table app.backups drop column queued_ms;
delete from app.scheduled_tasks
where name = 'analytics_refresh';
drop policy settings_analytics_read on auth.settings;
create policy settings_analytics_salt on auth.settings for select to ok_analytics_owner
using (name = 'analytics_salt');
delete from auth.settings
where name = 'analytics_min_cell';
