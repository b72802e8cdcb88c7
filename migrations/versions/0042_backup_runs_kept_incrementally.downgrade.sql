-- 0042_backup_runs_kept_incrementally: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- The columns hold only what a refresh computes again; 0040's columns keep their values.
-- Reason: app.backup_facts is read only by analytics refreshes, which wait.
-- squawk-ignore require-concurrent-index-deletion
drop index app.backup_facts_run_idx;
-- Reason: app.backup_facts is read only by analytics refreshes, which wait.
-- squawk-ignore require-concurrent-index-deletion
drop index app.backup_facts_course_idx;
-- Reason: app.backup_facts is read only by analytics refreshes, which wait.
-- squawk-ignore require-concurrent-index-deletion
drop index app.backup_facts_student_idx;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column course_id;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column assignment_id;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column submitter_id;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column student_key;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column created_at;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column is_submission;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column client_version;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column seconds_since_previous;
-- Reason: the downgrade removes what its upgrade added; a refresh recomputes the rest.
-- squawk-ignore ban-drop-column
alter table app.backup_facts drop column lines_delta;
comment on table app.backup_facts is
'Per backup, what its messages say for analytics (lines of code, tests run, ok-client analytics), computed once.';
