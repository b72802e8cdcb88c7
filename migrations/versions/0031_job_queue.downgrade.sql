-- 0031_job_queue: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Reason: the job queue's tables go with the revision that made them (no earlier revision
-- knows them); their rows are background work, kept nowhere else.
-- squawk-ignore ban-drop-table
drop table app.scheduled_tasks;
-- Reason: as above.
-- squawk-ignore ban-drop-table
drop table app.job_files;
drop trigger _900_notify_worker on app.jobs;
-- Reason: the indexes of the queue's columns go with them.
-- squawk-ignore require-concurrent-index-deletion
drop index app.jobs_course_idx;
-- Reason: as above.
-- squawk-ignore require-concurrent-index-deletion
drop index app.jobs_running_lease_idx;
-- Reason: the revision before has no attempts.
-- squawk-ignore ban-drop-constraint
alter table app.jobs drop constraint jobs_attempts_bounded;
-- the revision before requires a user: scheduled jobs go
delete from app.jobs
where user_id is null;
-- Reason: a downgrade; the jobs table is small (background work, not course data).
-- squawk-ignore adding-not-nullable-field
alter table app.jobs alter column user_id set not null;
-- Reason: the revision before has none of the queue's columns.
-- squawk-ignore ban-drop-column
alter table app.jobs drop column priority;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column attempts;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column max_attempts;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column run_after;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column worker;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column lease_expires_at;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column cancel_requested;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column cancelled_at;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column started_at;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column finished_at;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column error;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column file_name;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column file_type;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column file_bytes;
-- squawk-ignore ban-drop-column
alter table app.jobs drop column file_expires_at;
