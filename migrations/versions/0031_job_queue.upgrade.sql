-- 0031_job_queue: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Background work (issue #11): app.jobs becomes a queue that api functions fill inside the
-- transaction that decides the work (app.enqueue_job), and workers claim with
-- `for update skip locked` (api.job_claim). A claimed job holds a lease that its worker
-- renews while it runs (api.job_report); a worker that dies stops renewing, and the job is
-- claimed again once the lease has expired. A job that raises goes back to the queue after
-- a backoff (run_after) until max_attempts, then fails. Cancelling marks a queued job at
-- once and asks a running one to stop (cancel_requested; the worker reads it when it
-- reports). Jobs the scheduler starts have no user.
-- Reason: nothing reads app.jobs before this revision; scheduled jobs have no user.
-- squawk-ignore ban-drop-not-null
alter table app.jobs alter column user_id drop not null;
alter table app.jobs add column priority bigint not null default 0;
alter table app.jobs add column attempts bigint not null default 0;
alter table app.jobs add column max_attempts bigint not null default 3;
alter table app.jobs add column run_after timestamptz not null default now();
alter table app.jobs add column worker text;
alter table app.jobs add column lease_expires_at timestamptz;
alter table app.jobs add column cancel_requested boolean not null default false;
alter table app.jobs add column cancelled_at timestamptz;
alter table app.jobs add column started_at timestamptz;
alter table app.jobs add column finished_at timestamptz;
alter table app.jobs add column error text;
-- A job's result file (an export): its name, type and size; the bytes are in app.job_files.
alter table app.jobs add column file_name text;
alter table app.jobs add column file_type text;
alter table app.jobs add column file_bytes bigint;
alter table app.jobs add column file_expires_at timestamptz;
-- Reason: app.jobs had no rows before this revision (nothing enqueued jobs), so the check
-- scans nothing.
-- squawk-ignore constraint-missing-not-valid
alter table app.jobs add constraint jobs_attempts_bounded check (max_attempts between 1 and 10 and attempts >= 0);
comment on column app.jobs.lease_expires_at is
'While running: the time after which another worker may take the job (its worker renews it).';

-- Reason: app.jobs had no rows before this revision (nothing enqueued jobs): the builds are instant.
-- squawk-ignore require-concurrent-index-creation
create index jobs_running_lease_idx on app.jobs (lease_expires_at) where status = 'running';
-- Reason: as above.
-- squawk-ignore require-concurrent-index-creation
create index jobs_course_idx on app.jobs (course_id, id);

-- A new or re-queued job wakes the workers (NOTIFY okv3_jobs, delivered at commit).
create trigger _900_notify_worker after insert or update of status on app.jobs
for each statement execute function app.tg_jobs__notify();

-- A job's result file, in chunks of at most a few MB, written by the worker as it streams
-- (api.job_file_chunk) and read back chunk by chunk (api.job_download_chunk): any web
-- process serves a file any worker wrote, and neither holds the whole file in memory.
-- Whoever may see the job may read its file (the policy reads app.jobs under its own RLS).
create table app.job_files (
  job_id bigint not null references app.jobs (id) on delete cascade,
  seq bigint not null,
  data bytea not null,
  primary key (job_id, seq),
  constraint job_files_seq_from_zero check (seq >= 0),
  constraint job_files_chunk_size check (octet_length(data) <= 8388608)
);
comment on table app.job_files is
'The result files of jobs (exports), in ordered chunks; visible to whoever may see the job.';
alter table app.job_files enable row level security;
alter table app.job_files force row level security;
create policy job_files_owner_all on app.job_files for all to ok_owner using (true) with check (true);
create policy job_files_admin_all on app.job_files for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
create policy job_files_select on app.job_files for select to ok_user
using (exists (
  select 1 from app.jobs as j
  where j.id = job_files.job_id
));
grant select on app.job_files to ok_user, ok_admin;

-- Periodic work, run from the workers "once across all workers": a worker that finds a task
-- due moves its next_run_at forward and enqueues its job in one statement (skip locked), so
-- two workers never start the same run.
create table app.scheduled_tasks (
  name text primary key,
  every interval not null,
  description text not null,
  next_run_at timestamptz not null default now(),
  last_run_at timestamptz,
  last_job_id bigint references app.jobs (id) on delete set null,
  constraint scheduled_tasks_every_positive check (every >= interval '1 minute')
);
comment on table app.scheduled_tasks is
'Periodic jobs the workers start on a schedule, once across all workers.';
alter table app.scheduled_tasks enable row level security;
alter table app.scheduled_tasks force row level security;
create policy scheduled_tasks_owner_all on app.scheduled_tasks for all to ok_owner using (true) with check (true);
create policy scheduled_tasks_admin_all on app.scheduled_tasks for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
grant select on app.scheduled_tasks to ok_admin;
insert into app.scheduled_tasks (name, every, description) values
(
  'prune', interval '1 hour',
  'Delete export files past their expiry, and expired sessions, tokens and authorization codes'
);
