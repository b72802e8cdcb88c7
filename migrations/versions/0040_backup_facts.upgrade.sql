-- 0040_backup_facts: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- What a backup's messages say for analytics, computed once per backup when the analytics
-- snapshots are next refreshed (app.collect_backup_facts): a backup's messages never change,
-- so a refresh reads only the backups that arrived since the last one. No text of files.
create table app.backup_facts (
  backup_id bigint primary key references app.backups (id) on delete cascade,
  lines bigint,
  questions_run bigint,
  questions_passed bigint,
  questions_failed bigint,
  failed_cases bigint,
  unlock boolean,
  all_attempts bigint,
  requested_questions text[]
);
comment on table app.backup_facts is
'Per backup, what its messages say for analytics (lines of code, tests run, ok-client analytics), computed once.';
alter table app.backup_facts enable row level security;
alter table app.backup_facts force row level security;
create policy backup_facts_owner_all on app.backup_facts for all to ok_owner using (true) with check (true);
create policy backup_facts_analytics_read on app.backup_facts for select to ok_analytics_owner using (true);
grant select on app.backup_facts to ok_analytics_owner;

-- Per backup and question of its grading message (analytics.grading_results), with the
-- backup's assignment and submitter, for analytics.question_attempts.
create table app.question_facts (
  backup_id bigint not null references app.backups (id) on delete cascade,
  question text not null,
  assignment_id bigint not null,
  submitter_id bigint not null,
  passed bigint not null,
  failed bigint not null,
  locked bigint not null,
  primary key (backup_id, question)
);
comment on table app.question_facts is
'Per backup and question of its grading message: passed, failed and locked cases, computed once.';
create index question_facts_assignment_idx on app.question_facts (assignment_id, question);
alter table app.question_facts enable row level security;
alter table app.question_facts force row level security;
create policy question_facts_owner_all on app.question_facts for all to ok_owner using (true) with check (true);
create policy question_facts_analytics_read on app.question_facts for select to ok_analytics_owner using (true);
grant select on app.question_facts to ok_analytics_owner;
