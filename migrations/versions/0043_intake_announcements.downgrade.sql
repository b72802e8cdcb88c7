-- 0043_intake_announcements: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Reason: the downgrade removes the table its upgrade added; it holds only the time of each
-- course's latest announcement.
-- squawk-ignore ban-drop-table
drop table app.intake_announcements;
