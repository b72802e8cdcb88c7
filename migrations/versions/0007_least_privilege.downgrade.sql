-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
drop policy messages_insert on app.messages;
create policy messages_insert on app.messages for insert to ok_user with check (
  exists (
    select 1 from app.backups as b
    where b.id = backup_id
  )
);
drop trigger _050_immutable on app.backups;
revoke insert, update, delete on app.assignments, app.audit_log, app.backups, app.client_versions, app.comments, app.courses, app.email_outbox, app.enrollments, app.extension_requests, app.extensions, app.grading_tasks, app.group_actions, app.group_members, app.groups, app.jobs, app.messages, app.scores, app.users, auth.oauth_clients, auth.oauth_grants, auth.oauth_tokens from ok_api;
revoke update on app.email_outbox from ok_worker;
grant select, insert, update, delete on app.assignments, app.audit_log, app.backups, app.client_versions, app.comments, app.courses, app.email_outbox, app.enrollments, app.extension_requests, app.extensions, app.grading_tasks, app.group_actions, app.group_members, app.groups, app.jobs, app.messages, app.scores, app.users, auth.oauth_clients, auth.oauth_grants, auth.oauth_tokens to ok_admin;
grant insert, update, delete on app.assignments, app.enrollments, app.extensions, app.scores,
app.grading_tasks, app.comments to ok_user;
grant insert, update on app.backups, app.extension_requests to ok_user;
grant update on app.courses to ok_user;
grant insert on app.messages to ok_user;
grant update (revoked_at) on auth.oauth_tokens to ok_user;
grant insert, update on app.email_outbox to ok_worker;
grant update on app.jobs to ok_worker;
alter policy assignments_admin_all on app.assignments
using (true) with check (true);
alter policy audit_log_admin_select on app.audit_log
using (true);
alter policy backups_admin_all on app.backups
using (true) with check (true);
alter policy client_versions_admin_all on app.client_versions
using (true) with check (true);
alter policy comments_admin_all on app.comments
using (true) with check (true);
alter policy courses_admin_all on app.courses
using (true) with check (true);
alter policy email_outbox_admin_all on app.email_outbox
using (true) with check (true);
alter policy enrollments_admin_all on app.enrollments
using (true) with check (true);
alter policy extension_requests_admin_all on app.extension_requests
using (true) with check (true);
alter policy extensions_admin_all on app.extensions
using (true) with check (true);
alter policy grading_tasks_admin_all on app.grading_tasks
using (true) with check (true);
alter policy group_actions_admin_all on app.group_actions
using (true) with check (true);
alter policy group_members_admin_all on app.group_members
using (true) with check (true);
alter policy groups_admin_all on app.groups
using (true) with check (true);
alter policy jobs_admin_all on app.jobs
using (true) with check (true);
alter policy messages_admin_all on app.messages
using (true) with check (true);
alter policy scores_admin_all on app.scores
using (true) with check (true);
alter policy users_admin_all on app.users
using (true) with check (true);
alter policy oauth_clients_admin_all on auth.oauth_clients
using (true) with check (true);
alter policy oauth_grants_admin_all on auth.oauth_grants
using (true) with check (true);
alter policy oauth_tokens_admin_all on auth.oauth_tokens
using (true) with check (true);
do $grant_temp$
begin
  execute format('grant temporary on database %I to public', current_database());
end
$grant_temp$;
