-- 0040_backup_facts: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Reason: the downgrade removes the tables its upgrade added; they hold only what the next
-- refresh computes again from the messages.
-- squawk-ignore ban-drop-table
drop table app.question_facts;
-- Reason: as above.
-- squawk-ignore ban-drop-table
drop table app.backup_facts;
