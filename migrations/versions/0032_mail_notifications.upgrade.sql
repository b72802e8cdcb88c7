-- 0032_mail_notifications: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Email notifications (issue #11, point 2). The database decides who is told what, inside
-- the transaction of the change (app.queue_mail, from triggers and api functions); the
-- worker renders each message from its template (web/templates/mail/) and sends it. A row
-- names its template and parameters instead of a finished body; dedupe_key makes a second
-- queueing of the same event (a reminder, a digest) a no-op.
-- Reason: app.email_outbox had no rows outside tests before this revision (nothing queued
-- mail): the check of the new reference scans nothing.
-- squawk-ignore adding-foreign-key-constraint
alter table app.email_outbox add column user_id bigint references app.users (id) on delete cascade;
alter table app.email_outbox add column kind text;
alter table app.email_outbox add column template text;
alter table app.email_outbox add column params jsonb;
alter table app.email_outbox add column dedupe_key text;
-- Reason: a template's message is rendered by the worker when it is sent.
-- squawk-ignore ban-drop-not-null
alter table app.email_outbox alter column body_text drop not null;
-- Reason: app.email_outbox had no rows outside tests before this revision (nothing queued
-- mail); the check scans nothing.
-- squawk-ignore constraint-missing-not-valid
alter table app.email_outbox add constraint email_outbox_has_a_body check (body_text is not null or template is not null);
-- Reason: as above: the build is instant.
-- squawk-ignore require-concurrent-index-creation
create unique index email_outbox_dedupe_key on app.email_outbox (dedupe_key);

-- Each user turns kinds of mail off (their settings page, or the link in every message).
-- A submission receipt is opt-in: off until the user turns it on.
alter table app.users add column mail_muted text[] not null default '{receipt}';
comment on column app.users.mail_muted is
'Kinds of notification mail this user has turned off (app.mail_kinds); receipts are off until turned on.';
-- A course's staff can turn all of its mail off.
alter table app.courses add column mail_enabled boolean not null default true;
grant update (mail_enabled) on app.courses to ok_api;
-- A deadline reminder N hours before the due date, to students with backups but no
-- submission, sent once (reminder_sent_at).
alter table app.assignments add column reminder_hours bigint;
alter table app.assignments add column reminder_sent_at timestamptz;
-- Reason: a new column, null everywhere: the check scans nothing that can fail.
-- squawk-ignore constraint-missing-not-valid
alter table app.assignments add constraint assignments_reminder_hours_range check (reminder_hours between 1 and 336);
grant update (reminder_hours, reminder_sent_at) on app.assignments to ok_api;
-- New extension requests go to the course's staff in a digest (the extension_digest job).
alter table app.extension_requests add column digested_at timestamptz;

-- The key of the unsubscribe links (an HMAC of the user and the kind).
insert into auth.settings (name, value)
values ('mail_salt', encode(extensions.gen_random_bytes(32), 'hex'));

insert into app.scheduled_tasks (name, every, description) values
(
  'deadline_reminders', interval '10 minutes',
  'Remind students with backups but no submission, the hours before a due date that asks for it'
),
('extension_digest', interval '1 hour', 'Tell each course''s staff about new extension requests, one message each');

-- The events that send mail, where they happen (the functions are in sql/functions/mail).
create trigger _800_mail after insert on app.group_actions
for each row execute function app.tg_group_actions__mail();
create trigger _800_mail after update of status on app.extension_requests
for each row when (old.status is distinct from new.status and new.status in ('granted', 'denied'))
execute function app.tg_extension_requests__mail();
create trigger _800_mail after update of status on app.regrade_requests
for each row when (old.status is distinct from new.status and new.status = 'resolved')
execute function app.tg_regrade_requests__mail();
create trigger _800_mail after update of published_score_kinds on app.assignments
for each row when (old.published_score_kinds is distinct from new.published_score_kinds)
execute function app.tg_assignments__mail_scores();
create trigger _800_receipt after insert on app.backups
for each row when (new.submit) execute function app.tg_backups__receipt();

-- New settings: the course's mail switch and an assignment's reminder are parameters of
-- api.update_course and api.update_assignment, new signatures created after this revision.
-- Reason: no view or function depends on them; the new signatures replace them.
-- squawk-ignore ban-drop-function
drop function if exists api.update_course(text, text, text, boolean, text, integer, text[]);
-- Reason: as above.
-- squawk-ignore ban-drop-function
drop function if exists api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean
);
