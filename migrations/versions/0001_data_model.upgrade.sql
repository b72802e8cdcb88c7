-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file prefer-bigint-over-int, require-lock-timeout, require-statement-timeout
create type app.course_role as enum ('student', 'lab_assistant', 'reader', 'ta', 'instructor');
create type app.member_status as enum ('pending', 'active');
create type app.request_status as enum ('pending', 'granted', 'denied');
create type app.job_status as enum ('queued', 'running', 'finished', 'failed');
create type app.mail_status as enum ('queued', 'sending', 'sent', 'failed');

-- People. Identity is the login provider's verified email; no passwords.
create table app.users (
  id bigint generated always as identity primary key,
  email text not null,
  name text,
  is_admin boolean not null default false,
  created_at timestamptz not null default now(),
  constraint users_email_format check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254)
);
-- Emails are unique whatever their case; look users up with lower(email) = lower($1).
-- (Not citext: its operators live in a schema that is not on every search_path, and a
-- lookup that silently falls back to case-sensitive text comparison is worse than none.)
create unique index users_email_key on app.users (lower(email));

create table app.courses (
  id bigint generated always as identity primary key,
  offering text not null,
  display_name text not null,
  institution text not null default '',
  website text,
  timezone text not null default 'America/Los_Angeles',
  active boolean not null default true,
  autograder_url text,
  created_at timestamptz not null default now(),
  constraint courses_offering_key unique (offering),
  constraint courses_offering_format check (
    offering ~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/(fa|sp|su|wi|au|yr)[0-9]{2}$'
    and split_part(offering, '/', 1) not in (
      'about', 'admin', 'api', 'comments', 'login', 'logout', 'oauth', 'rq',
      'testing-login', 'static', 'healthz', 'client', 'sudo', 'assets'
    )
  ),
  constraint courses_display_name_present check (btrim(display_name) <> ''),
  -- An unknown zone name raises 22023 here, so a bad timezone can never be stored.
  constraint courses_timezone_valid check (
    ('2000-01-01 00:00'::timestamp at time zone timezone) is not null
  )
);

-- One role per user per course.
create table app.enrollments (
  user_id bigint not null references app.users (id) on delete cascade,
  course_id bigint not null references app.courses (id) on delete cascade,
  role app.course_role not null,
  sid text,
  class_account text,
  section text,
  created_at timestamptz not null default now(),
  constraint enrollments_pkey primary key (user_id, course_id)
);
create index enrollments_course_role_idx on app.enrollments (course_id, role);

create table app.assignments (
  id bigint generated always as identity primary key,
  course_id bigint not null references app.courses (id) on delete cascade,
  name text not null,
  display_name text not null,
  due_at timestamptz not null,
  lock_at timestamptz not null,
  visible boolean not null default true,
  creator_id bigint references app.users (id) on delete set null,
  url text,
  max_group_size integer not null default 1,
  revisions_allowed boolean not null default false,
  uploads_enabled boolean not null default false,
  upload_info text,
  template_files jsonb not null default '{}',
  published_score_kinds text[] not null default '{}',
  autograder_key text,
  continuous_autograding boolean not null default false,
  created_at timestamptz not null default now(),
  constraint assignments_name_key unique (name),
  constraint assignments_id_course_key unique (id, course_id),
  constraint assignments_display_name_present check (btrim(display_name) <> ''),
  constraint assignments_lock_after_due check (lock_at >= due_at),
  constraint assignments_group_size_positive check (max_group_size >= 1),
  constraint assignments_template_files_object check (jsonb_typeof(template_files) = 'object')
);
create index assignments_course_idx on app.assignments (course_id);

-- A backup is one run of the client; a submission is a backup with submit = true.
-- course_id is carried so that policies filter without a join, and the composite
-- key keeps it equal to the assignment's course.
create table app.backups (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  submitter_id bigint not null references app.users (id),
  creator_id bigint references app.users (id),
  submit boolean not null default false,
  flagged boolean not null default false,
  custom_submission_time timestamptz,
  client_name text,
  client_version text,
  created_at timestamptz not null default now(),
  constraint backups_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint backups_flagged_is_submission check (not flagged or submit)
);
create index backups_assignment_submitter_created_idx
on app.backups (assignment_id, submitter_id, created_at desc);
create index backups_submissions_idx
on app.backups (assignment_id, submitter_id, created_at desc) where submit;
create unique index backups_one_flag_per_submitter_idx
on app.backups (assignment_id, submitter_id) where flagged;
create index backups_course_created_idx on app.backups (course_id, created_at);
create index backups_submitter_idx on app.backups (submitter_id, created_at desc);

-- One row per top-level key of the client's "messages" object; any JSON value.
-- Keyed by (backup, kind) so file contents are read without touching analytics.
create table app.messages (
  backup_id bigint not null references app.backups (id) on delete cascade,
  kind text not null,
  contents jsonb not null,
  created_at timestamptz not null default now(),
  constraint messages_pkey primary key (backup_id, kind),
  constraint messages_kind_present check (kind <> '')
);
alter table app.messages alter column contents set compression lz4;

create table app.groups (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  created_at timestamptz not null default now(),
  constraint groups_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint groups_id_assignment_key unique (id, assignment_id)
);

-- The primary key makes "one group per user per assignment" a fact of the schema.
create table app.group_members (
  assignment_id bigint not null,
  user_id bigint not null references app.users (id) on delete cascade,
  group_id bigint not null,
  status app.member_status not null default 'pending',
  created_at timestamptz not null default now(),
  constraint group_members_pkey primary key (assignment_id, user_id),
  constraint group_members_group_fkey foreign key (group_id, assignment_id)
  references app.groups (id, assignment_id) on delete cascade
);
create index group_members_group_idx on app.group_members (group_id);

create table app.group_actions (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  actor_id bigint references app.users (id),
  target_id bigint references app.users (id),
  action text not null,
  group_before jsonb,
  group_after jsonb,
  created_at timestamptz not null default now(),
  constraint group_actions_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint group_actions_action_known check (
    action in ('invite', 'accept', 'decline', 'leave', 'remove', 'revoke', 'staff_add', 'staff_remove')
  )
);
create index group_actions_assignment_idx on app.group_actions (assignment_id, created_at);

-- Extensions are an overlay: backups are never rewritten when one is granted or revoked.
create table app.extensions (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  user_id bigint not null references app.users (id) on delete cascade,
  staff_id bigint references app.users (id),
  reason text not null default '',
  expires_at timestamptz not null,
  custom_submission_time timestamptz,
  created_at timestamptz not null default now(),
  constraint extensions_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint extensions_assignment_user_key unique (assignment_id, user_id)
);

create table app.extension_requests (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  user_id bigint not null references app.users (id) on delete cascade,
  reason text not null,
  status app.request_status not null default 'pending',
  decided_by bigint references app.users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  constraint extension_requests_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint extension_requests_reason_present check (btrim(reason) <> ''),
  constraint extension_requests_decided check ((status = 'pending') = (decided_at is null))
);
create unique index extension_requests_one_pending_idx
on app.extension_requests (assignment_id, user_id) where status = 'pending';

create table app.scores (
  id bigint generated always as identity primary key,
  backup_id bigint not null references app.backups (id) on delete cascade,
  assignment_id bigint not null,
  course_id bigint not null,
  user_id bigint not null references app.users (id),
  grader_id bigint references app.users (id),
  kind text not null,
  value numeric not null,
  message text not null default '',
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  constraint scores_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint scores_kind_normalised check (kind = lower(btrim(kind)) and kind <> ''),
  constraint scores_value_finite check (value not in ('NaN'::numeric))
);
-- A new score archives the previous one of the same kind on the same backup.
create unique index scores_one_active_per_kind_idx
on app.scores (backup_id, kind) where not archived;
create index scores_assignment_user_idx on app.scores (assignment_id, user_id) where not archived;

create table app.comments (
  id bigint generated always as identity primary key,
  backup_id bigint not null references app.backups (id) on delete cascade,
  course_id bigint not null references app.courses (id) on delete cascade,
  author_id bigint not null references app.users (id),
  filename text not null,
  line integer not null,
  message text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint comments_line_positive check (line >= 0),
  constraint comments_message_present check (btrim(message) <> '')
);
create index comments_backup_idx on app.comments (backup_id, filename, line);

create table app.grading_tasks (
  id bigint generated always as identity primary key,
  assignment_id bigint not null,
  course_id bigint not null,
  backup_id bigint not null references app.backups (id) on delete cascade,
  grader_id bigint not null references app.users (id),
  kind text not null default 'composition',
  score_id bigint references app.scores (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint grading_tasks_assignment_fkey foreign key (assignment_id, course_id)
  references app.assignments (id, course_id) on delete cascade,
  constraint grading_tasks_backup_kind_key unique (backup_id, kind)
);
create index grading_tasks_queue_idx on app.grading_tasks (assignment_id, grader_id, id)
where score_id is null;

create table app.client_versions (
  name text primary key,
  current_version text not null,
  download_link text,
  updated_at timestamptz not null default now(),
  constraint client_versions_version_format check (current_version ~ '^v?[0-9]+(\.[0-9]+)*$')
);

create table app.jobs (
  id bigint generated always as identity primary key,
  course_id bigint references app.courses (id) on delete cascade,
  user_id bigint not null references app.users (id),
  name text not null,
  description text not null default '',
  params jsonb not null default '{}',
  status app.job_status not null default 'queued',
  progress numeric not null default 0,
  log text not null default '',
  result_kind text,
  result text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint jobs_progress_fraction check (progress between 0 and 1),
  constraint jobs_result_kind_known check (result_kind in ('html', 'string', 'link'))
);
create index jobs_queued_idx on app.jobs (id) where status = 'queued';

create table app.email_outbox (
  id bigint generated always as identity primary key,
  course_id bigint references app.courses (id) on delete set null,
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  status app.mail_status not null default 'queued',
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  claimed_at timestamptz,
  sent_at timestamptz
);
create index email_outbox_queued_idx on app.email_outbox (id) where status = 'queued';

-- Append-only: the trigger below refuses update, delete and truncate.
create table app.audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint,
  actor text not null,
  action text not null,
  table_name text not null,
  row_key jsonb,
  course_id bigint,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_course_idx on app.audit_log (course_id, created_at);

-- Credentials (schema auth; never exposed).
create table auth.oauth_clients (
  client_id text primary key,
  name text not null,
  description text not null default '',
  owner_id bigint references app.users (id) on delete set null,
  secret_hash text not null,
  is_confidential boolean not null default true,
  redirect_uris text[] not null default '{}',
  default_scopes text[] not null default '{all}',
  active boolean not null default false,
  created_at timestamptz not null default now(),
  constraint oauth_clients_id_format check (client_id ~ '^[A-Za-z0-9_.-]{1,40}$'),
  constraint oauth_clients_scopes_known check (default_scopes <@ array['all', 'email'])
);

create table auth.oauth_grants (
  id bigint generated always as identity primary key,
  client_id text not null references auth.oauth_clients (client_id) on delete cascade,
  user_id bigint not null references app.users (id) on delete cascade,
  code_hash text not null,
  redirect_uri text not null,
  scopes text[] not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  constraint oauth_grants_code_hash_key unique (code_hash)
);

-- Several live tokens per (client, user): each device keeps its own.
-- Only hashes of refresh tokens are stored; access tokens are JWTs identified by jti.
create table auth.oauth_tokens (
  id bigint generated always as identity primary key,
  jti uuid not null default extensions.gen_random_uuid(),
  client_id text not null references auth.oauth_clients (client_id) on delete cascade,
  user_id bigint not null references app.users (id) on delete cascade,
  scopes text[] not null,
  refresh_token_hash text not null,
  access_expires_at timestamptz not null,
  refresh_expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  last_refreshed_at timestamptz,
  constraint oauth_tokens_jti_key unique (jti),
  constraint oauth_tokens_refresh_token_hash_key unique (refresh_token_hash),
  constraint oauth_tokens_scopes_known check (scopes <@ array['all', 'email'] and scopes <> '{}')
);
create index oauth_tokens_user_idx on auth.oauth_tokens (user_id);

-- Triggers (their functions are applied before migrations run).
create trigger _010_check_name before insert or update of name, course_id on app.assignments
for each row execute function app.tg_assignments__check_name();
create trigger _100_set_updated_at before update on app.comments
for each row execute function app.tg__set_updated_at();
create trigger _100_set_updated_at before update on app.jobs
for each row execute function app.tg__set_updated_at();
create trigger _001_append_only before update or delete on app.audit_log
for each row execute function app.tg_audit_log__append_only();
create trigger _001_append_only_truncate before truncate on app.audit_log
for each statement execute function app.tg_audit_log__append_only();
create trigger _900_notify_worker after insert on app.email_outbox
for each statement execute function app.tg_email_outbox__notify();
create trigger _900_audit after insert or update or delete on app.courses
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.assignments
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.enrollments
for each row execute function app.tg__audit();
create trigger _900_audit after insert or update or delete on app.users
for each row execute function app.tg__audit();
