-- analytics.backup_runs: every backup as a researcher needs it, one row each: who (the
-- student's pseudonym), when, whether it was a submission, the time since the student's
-- previous backup of the assignment, what ok-client's grading message says (questions run,
-- passed, failed), the lines of code and their change since the previous backup, and what its
-- analytics message says (unlock run, attempts in its history, questions asked for). No text
-- of files or messages, no email, name or SID.
-- Read by: Metabase and researchers (ok_analytics); sql/questions/06_time_between_runs.sql;
-- the research export (api.job_research_export).
-- Security: a view owned by ok_analytics_owner over app.backup_facts, which
-- app.collect_backup_facts fills at each refresh (analytics.refresh_snapshots) with what it
-- computed of each backup once (its run, with the student's pseudonym; no text of messages):
-- a snapshot as of analytics.snapshot's time, kept incrementally rather than recomputed.
create view analytics.backup_runs as
select
  f.backup_id,
  f.course_id,
  f.assignment_id,
  f.student_key,
  f.created_at,
  f.is_submission,
  f.client_version,
  f.seconds_since_previous,
  f.questions_run,
  f.questions_passed,
  f.questions_failed,
  f.failed_cases,
  f.lines,
  f.lines_delta,
  f.unlock,
  f.all_attempts,
  f.requested_questions
from app.backup_facts as f;

grant select on analytics.backup_runs to ok_analytics;
comment on view analytics.backup_runs is
'Every backup: pseudonymous student, time, submission, time since the previous run, tests, lines of code.';
comment on column analytics.backup_runs.backup_id is 'The backup''s id (stable; the same in the research export).';
comment on column analytics.backup_runs.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.backup_runs.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.backup_runs.student_key is 'The student''s pseudonym in this course (analytics.student_key): the same in every view and pseudonymous export of the course.';
comment on column analytics.backup_runs.created_at is 'When the server received it (UTC).';
comment on column analytics.backup_runs.is_submission is 'Whether it was accepted as a submission (ok --submit before the lock date).';
comment on column analytics.backup_runs.client_version is 'The ok-client version that sent it, as the client said.';
comment on column analytics.backup_runs.seconds_since_previous is 'Seconds since the same student''s previous backup of the assignment (null for the first).';
comment on column analytics.backup_runs.questions_run is 'Questions (tests) its grading message ran; null when it had none.';
comment on column analytics.backup_runs.questions_passed is 'Of them, questions with every case passed (none failed or locked).';
comment on column analytics.backup_runs.questions_failed is 'Of them, questions with at least one failed case.';
comment on column analytics.backup_runs.failed_cases is 'Failed cases over all its questions.';
comment on column analytics.backup_runs.lines is 'Lines of code in its files (the file_contents message; null without one).';
comment on column analytics.backup_runs.lines_delta is 'Net change in lines of code since the student''s previous backup of the assignment (positive: lines added).';
comment on column analytics.backup_runs.unlock is 'Whether it was an unlocking run (ok -u), from its analytics message.';
comment on column analytics.backup_runs.all_attempts is 'Attempts the client''s history counted up to this run (history.all_attempts).';
comment on column analytics.backup_runs.requested_questions is 'Questions the student asked for with -q (at most 20).';
