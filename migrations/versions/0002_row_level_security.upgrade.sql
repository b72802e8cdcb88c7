-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
alter table app.users enable row level security;
alter table app.users force row level security;
create policy users_owner_all on app.users for all to ok_owner using (true) with check (true);
create policy users_admin_all on app.users for all to ok_admin using (true) with check (true);
alter table app.courses enable row level security;
alter table app.courses force row level security;
create policy courses_owner_all on app.courses for all to ok_owner using (true) with check (true);
create policy courses_admin_all on app.courses for all to ok_admin using (true) with check (true);
alter table app.enrollments enable row level security;
alter table app.enrollments force row level security;
create policy enrollments_owner_all on app.enrollments for all to ok_owner using (true) with check (true);
create policy enrollments_admin_all on app.enrollments for all to ok_admin using (true) with check (true);
alter table app.assignments enable row level security;
alter table app.assignments force row level security;
create policy assignments_owner_all on app.assignments for all to ok_owner using (true) with check (true);
create policy assignments_admin_all on app.assignments for all to ok_admin using (true) with check (true);
alter table app.backups enable row level security;
alter table app.backups force row level security;
create policy backups_owner_all on app.backups for all to ok_owner using (true) with check (true);
create policy backups_admin_all on app.backups for all to ok_admin using (true) with check (true);
alter table app.messages enable row level security;
alter table app.messages force row level security;
create policy messages_owner_all on app.messages for all to ok_owner using (true) with check (true);
create policy messages_admin_all on app.messages for all to ok_admin using (true) with check (true);
alter table app.groups enable row level security;
alter table app.groups force row level security;
create policy groups_owner_all on app.groups for all to ok_owner using (true) with check (true);
create policy groups_admin_all on app.groups for all to ok_admin using (true) with check (true);
alter table app.group_members enable row level security;
alter table app.group_members force row level security;
create policy group_members_owner_all on app.group_members for all to ok_owner using (true) with check (true);
create policy group_members_admin_all on app.group_members for all to ok_admin using (true) with check (true);
alter table app.group_actions enable row level security;
alter table app.group_actions force row level security;
create policy group_actions_owner_all on app.group_actions for all to ok_owner using (true) with check (true);
create policy group_actions_admin_all on app.group_actions for all to ok_admin using (true) with check (true);
alter table app.extensions enable row level security;
alter table app.extensions force row level security;
create policy extensions_owner_all on app.extensions for all to ok_owner using (true) with check (true);
create policy extensions_admin_all on app.extensions for all to ok_admin using (true) with check (true);
alter table app.extension_requests enable row level security;
alter table app.extension_requests force row level security;
create policy extension_requests_owner_all on app.extension_requests for all to ok_owner using (true) with check (true);
create policy extension_requests_admin_all on app.extension_requests for all to ok_admin using (true) with check (true);
alter table app.scores enable row level security;
alter table app.scores force row level security;
create policy scores_owner_all on app.scores for all to ok_owner using (true) with check (true);
create policy scores_admin_all on app.scores for all to ok_admin using (true) with check (true);
alter table app.comments enable row level security;
alter table app.comments force row level security;
create policy comments_owner_all on app.comments for all to ok_owner using (true) with check (true);
create policy comments_admin_all on app.comments for all to ok_admin using (true) with check (true);
alter table app.grading_tasks enable row level security;
alter table app.grading_tasks force row level security;
create policy grading_tasks_owner_all on app.grading_tasks for all to ok_owner using (true) with check (true);
create policy grading_tasks_admin_all on app.grading_tasks for all to ok_admin using (true) with check (true);
alter table app.client_versions enable row level security;
alter table app.client_versions force row level security;
create policy client_versions_owner_all on app.client_versions for all to ok_owner using (true) with check (true);
create policy client_versions_admin_all on app.client_versions for all to ok_admin using (true) with check (true);
alter table app.jobs enable row level security;
alter table app.jobs force row level security;
create policy jobs_owner_all on app.jobs for all to ok_owner using (true) with check (true);
create policy jobs_admin_all on app.jobs for all to ok_admin using (true) with check (true);
alter table app.email_outbox enable row level security;
alter table app.email_outbox force row level security;
create policy email_outbox_owner_all on app.email_outbox for all to ok_owner using (true) with check (true);
create policy email_outbox_admin_all on app.email_outbox for all to ok_admin using (true) with check (true);
alter table app.audit_log enable row level security;
alter table app.audit_log force row level security;
create policy audit_log_owner_all on app.audit_log for all to ok_owner using (true) with check (true);
create policy audit_log_admin_select on app.audit_log for select to ok_admin using (true);
alter table auth.oauth_clients enable row level security;
alter table auth.oauth_clients force row level security;
create policy oauth_clients_owner_all on auth.oauth_clients for all to ok_owner using (true) with check (true);
create policy oauth_clients_admin_all on auth.oauth_clients for all to ok_admin using (true) with check (true);
alter table auth.oauth_grants enable row level security;
alter table auth.oauth_grants force row level security;
create policy oauth_grants_owner_all on auth.oauth_grants for all to ok_owner using (true) with check (true);
create policy oauth_grants_admin_all on auth.oauth_grants for all to ok_admin using (true) with check (true);
alter table auth.oauth_tokens enable row level security;
alter table auth.oauth_tokens force row level security;
create policy oauth_tokens_owner_all on auth.oauth_tokens for all to ok_owner using (true) with check (true);
create policy oauth_tokens_admin_all on auth.oauth_tokens for all to ok_admin using (true) with check (true);
create policy courses_analytics_read on app.courses for select to ok_analytics_owner using (true);
grant select on app.courses to ok_analytics_owner;
create policy assignments_analytics_read on app.assignments for select to ok_analytics_owner using (true);
grant select on app.assignments to ok_analytics_owner;
create policy enrollments_analytics_read on app.enrollments for select to ok_analytics_owner using (true);
grant select on app.enrollments to ok_analytics_owner;
create policy backups_analytics_read on app.backups for select to ok_analytics_owner using (true);
grant select on app.backups to ok_analytics_owner;
create policy groups_analytics_read on app.groups for select to ok_analytics_owner using (true);
grant select on app.groups to ok_analytics_owner;
create policy group_members_analytics_read on app.group_members for select to ok_analytics_owner using (true);
grant select on app.group_members to ok_analytics_owner;
create policy extensions_analytics_read on app.extensions for select to ok_analytics_owner using (true);
grant select on app.extensions to ok_analytics_owner;
create policy extension_requests_analytics_read on app.extension_requests for select to ok_analytics_owner using (true);
grant select on app.extension_requests to ok_analytics_owner;
create policy scores_analytics_read on app.scores for select to ok_analytics_owner using (true);
grant select on app.scores to ok_analytics_owner;

create policy users_select on app.users for select to ok_user using (
  id = (select auth.user_id())
  or id in (
    select e.user_id from app.enrollments as e
    where e.course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  )
);

create policy courses_select on app.courses for select to ok_anon, ok_user using (true);
create policy courses_update on app.courses for update to ok_user
using (id = any((select auth.course_ids('instructor'))::bigint[])) with check (id = any((select auth.course_ids('instructor'))::bigint[]));

create policy enrollments_select on app.enrollments for select to ok_user
using (user_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy enrollments_write on app.enrollments for all to ok_user
using (course_id = any((select auth.course_ids('instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('instructor'))::bigint[]));

create policy assignments_select on app.assignments for select to ok_anon, ok_user
using (visible or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy assignments_write on app.assignments for all to ok_user
using (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]));

create policy backups_select on app.backups for select to ok_user
using (submitter_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy backups_insert on app.backups for insert to ok_user with check (
  (submitter_id = (select auth.user_id()) and creator_id is null)
  or (creator_id = (select auth.user_id()) and course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]))
);
create policy backups_update on app.backups for update to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));

create policy messages_select on app.messages for select to ok_user
using (exists (
  select 1 from app.backups as b
  where b.id = backup_id
));
create policy messages_insert on app.messages for insert to ok_user
with check (exists (
  select 1 from app.backups as b
  where b.id = backup_id
));

create policy groups_select on app.groups for select to ok_user using (
  course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  or id in (
    select gm.group_id from app.group_members as gm
    where gm.user_id = (select auth.user_id())
  )
);
create policy group_members_select on app.group_members for select to ok_user using (
  user_id = (select auth.user_id())
  or assignment_id in (
    select a.id from app.assignments as a
    where a.course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  )
);
create policy group_actions_select on app.group_actions for select to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) or actor_id = (select auth.user_id()) or target_id = (select auth.user_id()));

create policy extensions_select on app.extensions for select to ok_user
using (user_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy extensions_write on app.extensions for all to ok_user
using (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]));

create policy extension_requests_select on app.extension_requests for select to ok_user
using (user_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy extension_requests_insert on app.extension_requests for insert to ok_user
with check (user_id = (select auth.user_id()) and status = 'pending' and course_id = any((select auth.course_ids('student', 'lab_assistant', 'reader', 'ta', 'instructor'))::bigint[]));
create policy extension_requests_decide on app.extension_requests for update to ok_user
using (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('ta', 'instructor'))::bigint[]));

create policy scores_select on app.scores for select to ok_user using (
  course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])
  or (
    user_id = (select auth.user_id()) and not archived
    and kind = any(
      (
        select a.published_score_kinds from app.assignments as a
        where a.id = assignment_id
      )::text[]
    )
  )
);
create policy scores_write on app.scores for all to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) and grader_id = (select auth.user_id()));

create policy comments_select on app.comments for select to ok_user
using (course_id = any(
  (select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) or exists (
  select 1 from app.backups as b
  where b.id = backup_id
));
create policy comments_insert on app.comments for insert to ok_user with check (
  author_id = (select auth.user_id())
  and (course_id = any(
    (select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]) or exists (
    select 1 from app.backups as b
    where b.id = backup_id
  ))
);
create policy comments_update on app.comments for update to ok_user
using (author_id = (select auth.user_id())) with check (author_id = (select auth.user_id()));
create policy comments_delete on app.comments for delete to ok_user using (author_id = (select auth.user_id()));

create policy grading_tasks_staff on app.grading_tasks for all to ok_user
using (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[])) with check (course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));

create policy client_versions_select on app.client_versions for select to ok_anon, ok_user
using (true);

create policy jobs_select on app.jobs for select to ok_user
using (user_id = (select auth.user_id()) or course_id = any((select auth.course_ids('reader', 'ta', 'instructor'))::bigint[]));
create policy jobs_worker on app.jobs for all to ok_worker using (true) with check (true);
create policy email_outbox_worker on app.email_outbox for all to ok_worker
using (true) with check (true);

create policy audit_log_select on app.audit_log for select to ok_user
using (course_id = any((select auth.course_ids('instructor'))::bigint[]));

create policy oauth_tokens_select on auth.oauth_tokens for select to ok_user using (user_id = (select auth.user_id()));
create policy oauth_tokens_revoke on auth.oauth_tokens for update to ok_user
using (user_id = (select auth.user_id())) with check (user_id = (select auth.user_id()));
create policy oauth_grants_select on auth.oauth_grants for select to ok_user using (user_id = (select auth.user_id()));

grant select on all tables in schema app to ok_user;
grant select on app.courses, app.assignments, app.client_versions to ok_anon;
grant insert, update, delete on app.enrollments, app.assignments, app.extensions,
app.scores, app.comments, app.grading_tasks to ok_user;
grant update on app.courses, app.backups, app.extension_requests to ok_user;
grant insert on app.backups, app.messages, app.extension_requests to ok_user;
grant select, insert, update, delete on all tables in schema app to ok_admin;
grant select, insert, update, delete on all tables in schema auth to ok_admin;
grant select, update (revoked_at) on auth.oauth_tokens to ok_user;
grant select on auth.oauth_grants to ok_user;
grant select, update on app.jobs, app.email_outbox to ok_worker;
grant insert on app.email_outbox to ok_worker;
-- Nobody but the owner's trigger writes audit rows; nobody at all rewrites them.
revoke insert, update, delete, truncate on app.audit_log from ok_user, ok_admin, ok_worker;
