"""Least privilege: request roles reach only api; ok_api runs the api functions that need
internal helpers; no role of ours creates temporary objects; writes name their columns.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

- TEMP on the database is revoked from PUBLIC and from the owners (sql/02_schemas.sql
  repeats it on every upgrade): a pg_temp type, domain or table could otherwise shadow
  pg_catalog's in any function that searches pg_temp first.
- ok_api (sql/01_roles.sql) is a member of ok_anon, ok_user and ok_admin and runs the api
  functions that call app.* helpers. So that its membership in ok_admin grants nothing by
  itself, every admin policy checks the claims (auth.is_admin()) instead of trusting the role.
- Request roles (ok_anon, ok_user, ok_admin, ok_worker) keep SELECT (the api views run as
  the caller) but lose INSERT, UPDATE and DELETE on every table. Writes go through api
  functions: ok_api holds column-named INSERT and UPDATE grants for exactly what they write;
  ok_worker the outbox columns it updates.
- A backup's assignment, course, submitter and creation time never change (trigger, for
  every role, the owner included); messages are added only to a backup created in the same
  transaction by the caller (policy), so nobody appends files to an existing backup.
"""

from migrations.sqlexec import execute

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

REQUEST_ROLES = "ok_anon, ok_user, ok_admin, ok_worker"
TABLES = (
    "app.assignments, app.audit_log, app.backups, app.client_versions, app.comments, "
    "app.courses, app.email_outbox, app.enrollments, app.extension_requests, "
    "app.extensions, app.grading_tasks, app.group_actions, app.group_members, "
    "app.groups, app.jobs, app.messages, app.scores, app.users, auth.oauth_clients, "
    "auth.oauth_grants, auth.oauth_tokens"
)


def upgrade() -> None:
    execute(
        f"""
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
        revoke insert, update, delete, truncate, references, trigger on {TABLES} from {REQUEST_ROLES};

        -- What the api functions running as ok_api write, column by column.
        grant insert (course_id, name, display_name, due_at, lock_at, max_group_size, url, revisions_allowed,
                      autograder_key, continuous_autograding, uploads_enabled, upload_info, visible, creator_id)
        on app.assignments to ok_api;
        grant update (display_name, due_at, lock_at, max_group_size, url, revisions_allowed, autograder_key,
                      continuous_autograding, uploads_enabled, upload_info, visible)
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
        """
    )


def downgrade() -> None:
    execute(
        f"""
        drop policy messages_insert on app.messages;
        create policy messages_insert on app.messages for insert to ok_user with check (
            exists (select 1 from app.backups as b where b.id = backup_id)
        );
        drop trigger _050_immutable on app.backups;
        revoke insert, update, delete on {TABLES} from ok_api;
        revoke update on app.email_outbox from ok_worker;
        grant select, insert, update, delete on {TABLES} to ok_admin;
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
        """
    )
