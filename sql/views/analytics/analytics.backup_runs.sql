-- analytics.backup_runs: every backup as a researcher needs it, one row each: who (the
-- student's pseudonym), when, whether it was a submission, the time since the student's
-- previous backup of the assignment, what ok-client's grading message says (questions run,
-- passed, failed), the lines of code and their change since the previous backup, and what its
-- analytics message says (unlock run, attempts in its history, questions asked for). No text
-- of files or messages, no email, name or SID.
-- Read by: Metabase and researchers (ok_analytics); sql/questions/06_time_between_runs.sql;
-- the research export (api.job_research_export).
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, computed at refresh
-- (analytics.refresh_snapshots) with the owner's rights, from the backups and what
-- app.collect_backup_facts computed of each once (app.backup_facts: no text of messages).
-- requires: analytics.student_key.sql
create materialized view analytics.backup_runs as
-- materialized: each pseudonym is computed once per student, not once per backup
with keyed as materialized (
  select
    p.course_id,
    p.submitter_id,
    analytics.student_key(p.course_id, p.submitter_id) as student_key
  from (
    select distinct
      b.course_id,
      b.submitter_id
    from app.backups as b
  ) as p
)

select
  b.id as backup_id,
  b.course_id,
  b.assignment_id,
  k.student_key,
  b.created_at,
  b.submit as is_submission,
  b.client_version,
  extract(epoch from b.created_at - lag(b.created_at) over w)::double precision as seconds_since_previous,
  f.questions_run,
  f.questions_passed,
  f.questions_failed,
  f.failed_cases,
  f.lines,
  f.lines - lag(f.lines) over w as lines_delta,
  f.unlock,
  f.all_attempts,
  f.requested_questions
from app.backups as b
inner join keyed as k on b.course_id = k.course_id and b.submitter_id = k.submitter_id
left join app.backup_facts as f on b.id = f.backup_id
window w as (partition by b.assignment_id, b.submitter_id order by b.created_at, b.id);

create unique index backup_runs_backup_idx on analytics.backup_runs (backup_id);
create index backup_runs_assignment_idx on analytics.backup_runs (course_id, assignment_id, created_at);
create index backup_runs_student_idx on analytics.backup_runs (student_key, assignment_id, created_at);

grant select on analytics.backup_runs to ok_analytics;
comment on materialized view analytics.backup_runs is
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
