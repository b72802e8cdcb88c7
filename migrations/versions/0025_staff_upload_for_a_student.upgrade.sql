-- 0025_staff_upload_for_a_student: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Staff submit on a student's behalf (issue #9, point 4): the backup is the student's
-- (submitter_id) and records the staff member who made it (creator_id, which the backups'
-- insert policy already lets staff of the course set to themselves, and app.messages' insert
-- policy lets that creator add its files).
grant insert (creator_id) on app.backups to ok_api;
