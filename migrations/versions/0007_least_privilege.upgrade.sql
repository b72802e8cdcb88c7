-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
do $revoke_temp$
begin
  execute format('revoke temporary on database %I from public', current_database());
  execute format('revoke temporary on database %I from ok_owner, ok_analytics_owner',
                 current_database());
end
$revoke_temp$;

-- Admin policies trust the claims, not only the role (ok_api is a member of ok_admin).
alter policy assignments_admin_all on app.assignments
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy audit_log_admin_select on app.audit_log
using ((select auth.is_admin()));
alter policy backups_admin_all on app.backups
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy client_versions_admin_all on app.client_versions
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy comments_admin_all on app.comments
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy courses_admin_all on app.courses
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy email_outbox_admin_all on app.email_outbox
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy enrollments_admin_all on app.enrollments
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy extension_requests_admin_all on app.extension_requests
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy extensions_admin_all on app.extensions
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy grading_tasks_admin_all on app.grading_tasks
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy group_actions_admin_all on app.group_actions
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy group_members_admin_all on app.group_members
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy groups_admin_all on app.groups
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy jobs_admin_all on app.jobs
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy messages_admin_all on app.messages
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy scores_admin_all on app.scores
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy users_admin_all on app.users
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy oauth_clients_admin_all on auth.oauth_clients
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy oauth_grants_admin_all on auth.oauth_grants
using ((select auth.is_admin())) with check ((select auth.is_admin()));
alter policy oauth_tokens_admin_all on auth.oauth_tokens
using ((select auth.is_admin())) with check ((select auth.is_admin()));

-- Request roles read (RLS decides what) and write nothing directly.
revoke insert, update, delete, truncate, references, trigger on app.assignments, app.audit_log, app.backups, app.client_versions, app.comments, app.courses, app.email_outbox, app.enrollments, app.extension_requests, app.extensions, app.grading_tasks, app.group_actions, app.group_members, app.groups, app.jobs, app.messages, app.scores, app.users, auth.oauth_clients, auth.oauth_grants, auth.oauth_tokens from ok_anon, ok_user, ok_admin, ok_worker;

-- What the api functions running as ok_api write, column by column.
grant insert (
  course_id, name, display_name, due_at, lock_at, max_group_size, url, revisions_allowed,
  autograder_key, continuous_autograding, uploads_enabled, upload_info, visible, creator_id
)
on app.assignments to ok_api;
grant update (
  display_name, due_at, lock_at, max_group_size, url, revisions_allowed, autograder_key,
  continuous_autograding, uploads_enabled, upload_info, visible
)
on app.assignments to ok_api;
grant insert (assignment_id, course_id, submitter_id, submit, client_name, client_version)
on app.backups to ok_api;
grant update (custom_submission_time) on app.backups to ok_api;
grant insert (backup_id, kind, contents) on app.messages to ok_api;
grant insert (name, current_version, download_link) on app.client_versions to ok_api;
grant update (current_version, download_link, updated_at) on app.client_versions to ok_api;
grant insert (backup_id, course_id, author_id, filename, line, message) on app.comments to ok_api;
grant insert (offering, display_name, timezone, institution) on app.courses to ok_api;
grant update (display_name, timezone, active, export_token_hash, export_token_active)
on app.courses to ok_api;
grant insert (user_id, course_id, role, sid, section) on app.enrollments to ok_api;
grant update (role, sid, section) on app.enrollments to ok_api;
grant insert (assignment_id, course_id, user_id, reason) on app.extension_requests to ok_api;
grant update (status, decided_by, decided_at) on app.extension_requests to ok_api;
grant insert (assignment_id, course_id, user_id, staff_id, reason, expires_at, custom_submission_time)
on app.extensions to ok_api;
grant update (staff_id, reason, expires_at, custom_submission_time) on app.extensions to ok_api;
grant delete on app.extensions to ok_api;
grant insert (assignment_id, course_id, backup_id, grader_id, kind) on app.grading_tasks to ok_api;
grant insert (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
on app.scores to ok_api;
grant update (archived) on app.scores to ok_api;
grant insert (email, name, is_admin) on app.users to ok_api;
grant update (revoked_at) on auth.oauth_tokens to ok_api;
grant update (status, claimed_at, attempts, sent_at, last_error) on app.email_outbox to ok_worker;

-- A backup is a record of what a student sent and when: its identity never changes.
create trigger _050_immutable before update of assignment_id, course_id, submitter_id, creator_id, created_at
on app.backups for each row execute function app.tg_backups__immutable();

-- Files only go into a backup being created in this transaction, by its submitter or
-- creator (a backup's created_at is the transaction time of its insert).
drop policy messages_insert on app.messages;
create policy messages_insert on app.messages for insert to ok_user with check (
  exists (
    select 1 from app.backups as b
    where b.id = backup_id
      and b.created_at = now()
      and (b.submitter_id = (select auth.user_id()) or b.creator_id = (select auth.user_id()))
  )
);
