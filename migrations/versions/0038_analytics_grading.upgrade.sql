-- 0038_analytics_grading: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The analytics views' owner may read the grading messages ok-client sends (per question:
-- passed, failed, locked), and no other kind: file contents and free-form analytics may name
-- their authors.
create policy messages_analytics_grading on app.messages for select to ok_analytics_owner
using (kind = 'grading');
grant select on app.messages to ok_analytics_owner;
