-- 0042_backup_runs_kept_incrementally: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- analytics.backup_runs (a snapshot of every backup: 500,000 rows in a large course) was
-- recomputed in full and compared row by row with the previous one at every refresh: 6 s of
-- a 12 s refresh. A backup's run facts change only when a backup of the same student and
-- assignment arrives out of order, or when staff flag it (it becomes a submission), so
-- app.collect_backup_facts now keeps them per backup, with the student's pseudonym, as the
-- backups arrive, and analytics.backup_runs reads this table.
-- The tables hold only what a refresh computes again from the backups and their messages:
-- they are emptied here (the new columns are required; a backup's test counts are computed
-- from the question rows its collection inserts, so both go) and refilled by the next refresh,
-- which the worker runs as soon as this migration commits (below): about a minute once on a
-- large course, outside this transaction, so that no request waits for it. Until then
-- analytics.backup_runs and analytics.question_attempts are empty.
truncate app.question_facts, app.backup_facts;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column course_id bigint not null;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column assignment_id bigint not null;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column submitter_id bigint not null;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column student_key text not null;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column created_at timestamptz not null;
-- Reason: the table was emptied just above, in this transaction.
-- squawk-ignore adding-required-field
alter table app.backup_facts add column is_submission boolean not null;
alter table app.backup_facts add column client_version text;
alter table app.backup_facts add column seconds_since_previous double precision;
alter table app.backup_facts add column lines_delta bigint;
comment on table app.backup_facts is
'Per backup, for analytics: its run (pseudonymous student, time, gap and lines changed since the previous) and what its messages say.';

-- Reason: the table was emptied above; the indexes build on no rows.
-- squawk-ignore require-concurrent-index-creation
create index backup_facts_run_idx on app.backup_facts (assignment_id, submitter_id, created_at, backup_id);
-- Reason: as above.
-- squawk-ignore require-concurrent-index-creation
create index backup_facts_course_idx on app.backup_facts (course_id, assignment_id, created_at);
-- Reason: as above.
-- squawk-ignore require-concurrent-index-creation
create index backup_facts_student_idx on app.backup_facts (student_key, assignment_id, created_at);

-- the worker's next analytics refresh is now (app.scheduled_tasks, revision 0039)
update app.scheduled_tasks set next_run_at = now()
where name = 'analytics_refresh';
