-- 0032_mail_notifications: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


drop trigger _800_receipt on app.backups;
drop trigger _800_mail on app.assignments;
drop trigger _800_mail on app.regrade_requests;
drop trigger _800_mail on app.extension_requests;
drop trigger _800_mail on app.group_actions;
delete from app.scheduled_tasks
where name in ('deadline_reminders', 'extension_digest');
delete from auth.settings
where name = 'mail_salt';
-- Reason: the revision before has none of these columns.
-- squawk-ignore ban-drop-column
alter table app.extension_requests drop column digested_at;
-- Reason: as above.
-- squawk-ignore ban-drop-constraint
alter table app.assignments drop constraint assignments_reminder_hours_range;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.assignments drop column reminder_sent_at;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.assignments drop column reminder_hours;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.courses drop column mail_enabled;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.users drop column mail_muted;
-- Reason: the index goes with its column.
-- squawk-ignore require-concurrent-index-deletion
drop index app.email_outbox_dedupe_key;
-- Reason: as above.
-- squawk-ignore ban-drop-constraint
alter table app.email_outbox drop constraint email_outbox_has_a_body;
delete from app.email_outbox
where body_text is null;
-- Reason: a downgrade; the outbox is small.
-- squawk-ignore adding-not-nullable-field
alter table app.email_outbox alter column body_text set not null;
-- Reason: the revision before has none of these columns.
-- squawk-ignore ban-drop-column
alter table app.email_outbox drop column dedupe_key;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.email_outbox drop column params;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.email_outbox drop column template;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.email_outbox drop column kind;
-- Reason: as above.
-- squawk-ignore ban-drop-column
alter table app.email_outbox drop column user_id;
-- api.update_course and api.update_assignment: the revision before knows the older signatures.
-- Reason: the older signatures replace them.
-- squawk-ignore ban-drop-function
drop function if exists api.update_course(text, text, text, boolean, text, integer, text[], boolean);
-- Reason: as above.
-- squawk-ignore ban-drop-function
drop function if exists api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean, bigint
);
