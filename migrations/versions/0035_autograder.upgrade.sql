-- 0035_autograder: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The autograder, both directions (issue #11, point 4; ok-wire-contract.md section 13).

-- Inbound: the token OK gives the autograder reads backups and posts scores of one course
-- and does nothing else (auth.check_request confines it to those two endpoints). Scope
-- 'autograder', bound to its course; revocable like any token.
-- Reason: auth.oauth_tokens is small (one row per device login) and the new column is null
-- in every row: the foreign key finds nothing to check.
-- squawk-ignore adding-foreign-key-constraint
alter table auth.oauth_tokens add column course_id bigint references app.courses (id) on delete cascade;
-- Reason: the scopes check gains a scope and the course rule; the table is small and every
-- row already passes (scopes all or email, no course), so the check scans a few rows.
-- squawk-ignore ban-drop-constraint
alter table auth.oauth_tokens drop constraint oauth_tokens_scopes_known;
-- Reason: as above.
-- squawk-ignore constraint-missing-not-valid
alter table auth.oauth_tokens add constraint oauth_tokens_scopes_known check (
  scopes <@ array['all', 'email', 'autograder'] and scopes <> '{}'
  and ('autograder' = any(scopes)) = (course_id is not null)
  and (not 'autograder' = any(scopes) or scopes = '{autograder}')
);
-- Reason: auth.oauth_tokens is small (one row per device login); the build is instant.
-- squawk-ignore require-concurrent-index-creation
create index oauth_tokens_course_idx on auth.oauth_tokens (course_id) where course_id is not null;
comment on column auth.oauth_tokens.course_id is
'For an autograder token (scope autograder): the one course whose backups it reads and scores.';
-- The course's staff see its autograder tokens (who started the work, when, until when) and
-- may revoke them (api.revoke_autograder_tokens checks for an instructor).
create policy oauth_tokens_course_staff on auth.oauth_tokens for select to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]));
create policy oauth_tokens_course_revoke on auth.oauth_tokens for update to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]))
with check (course_id = any((select auth.staff_course_ids())::bigint[]));

-- The client autograder tokens are issued under, course-autograder (okpy/ok auto-created
-- one, 'autograder'; that name is left free for an OAuth client an admin registers). It cannot
-- be used to sign in: it is inactive and has no secret that any hash matches.
insert into auth.oauth_clients (client_id, name, description, secret_hash, is_confidential, active)
values (
  'course-autograder', 'Course autograders',
  'Tokens OK makes for a course''s autograder: they read that course''s backups and post scores, nothing else.',
  '!', true, false
);

-- Instructors set the course's autograder URL on the course settings page (api.update_course).
grant update (autograder_url) on app.courses to ok_api;

-- Outbound: each backup sent to the autograder, what it said of it, and how often it was sent.
create table app.autograder_tasks (
  id bigint generated always as identity primary key,
  job_id bigint references app.jobs (id) on delete set null,
  course_id bigint not null references app.courses (id) on delete cascade,
  assignment_id bigint not null references app.assignments (id) on delete cascade,
  backup_id bigint not null references app.backups (id) on delete cascade,
  priority text not null default 'default',
  status text not null default 'sending',
  remote_id text,
  tries bigint not null default 1,
  sent_at timestamptz,
  status_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  constraint autograder_tasks_priority_known check (priority in ('default', 'high')),
  constraint autograder_tasks_status_known check (status in (
    'sending', 'queued', 'started', 'deferred', 'finished', 'failed', 'accepted', 'scored', 'gave_up'
  )),
  constraint autograder_tasks_tries_bounded check (tries between 1 and 3)
);
comment on table app.autograder_tasks is
'Backups sent to the autograder: its job id for each, the last status it gave, and the tries (at most 3).';
comment on column app.autograder_tasks.status is
'sending (to be sent), the autograder''s queued/started/deferred/finished/failed, accepted (no job id to follow), scored, gave_up.';
create index autograder_tasks_open_idx on app.autograder_tasks (course_id)
where status not in ('scored', 'gave_up', 'accepted');
create index autograder_tasks_assignment_idx on app.autograder_tasks (assignment_id, status);
create index autograder_tasks_job_idx on app.autograder_tasks (job_id);
create index autograder_tasks_backup_idx on app.autograder_tasks (backup_id);
alter table app.autograder_tasks enable row level security;
alter table app.autograder_tasks force row level security;
create policy autograder_tasks_owner_all on app.autograder_tasks for all to ok_owner using (true) with check (true);
create policy autograder_tasks_admin_all on app.autograder_tasks for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
create policy autograder_tasks_select on app.autograder_tasks for select to ok_user
using (course_id = any((select auth.staff_course_ids())::bigint[]));
grant select on app.autograder_tasks to ok_user, ok_admin;

-- Supervision, from the schedule (not a worker held for hours, as okpy/ok's job was).
insert into app.scheduled_tasks (name, every, description) values (
  'autograder_supervise', interval '1 minute',
  'Ask the autograder how sent work is going; send again what is stuck (queued 30 min, running 5 min, '
  || 'finished 2 min without a score), 3 tries in all'
);

-- Continuous autograding: an accepted submission is sent as it arrives.
create trigger _810_autograde after insert on app.backups
for each row when (new.submit) execute function app.tg_backups__autograde();
