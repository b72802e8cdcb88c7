"""Row-level security: enabled and forced on every table, policies, table grants.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Model (docs/security.md):
- ok_owner owns everything and is NOBYPASSRLS; since RLS is forced it sees rows only
  through its own "owner_all" policy, which exists so that reviewed security-definer
  functions (owned by ok_owner) act as the system.
- ok_admin (site administrators) sees and changes everything through "admin_all".
- ok_user policies read the caller's course roles from enrollments through
  (select auth.course_ids(...)), evaluated once per statement.
- ok_anon reads only public rows: courses, visible assignments, client versions.
"""

from migrations.sqlexec import execute

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APP_TABLES = [
    "users", "courses", "enrollments", "assignments", "backups", "messages", "groups",
    "group_members", "group_actions", "extensions", "extension_requests", "scores",
    "comments", "grading_tasks", "client_versions", "jobs", "email_outbox", "audit_log",
]
# The analytics views run with their owner's rights; it reads these tables, all rows.
ANALYTICS_SOURCES = [
    "courses", "assignments", "enrollments", "backups", "groups", "group_members",
    "extensions", "extension_requests", "scores",
]
AUTH_TABLES = ["oauth_clients", "oauth_grants", "oauth_tokens"]
ALL_TABLES = [f"app.{t}" for t in APP_TABLES] + [f"auth.{t}" for t in AUTH_TABLES]

ME = "(select auth.user_id())"
ANY_ROLE = "(select auth.course_ids('student', 'lab_assistant', 'reader', 'ta', 'instructor'))::bigint []"
STAFF = "(select auth.course_ids('reader', 'ta', 'instructor'))::bigint []"
TA_UP = "(select auth.course_ids('ta', 'instructor'))::bigint []"
INSTRUCTOR = "(select auth.course_ids('instructor'))::bigint []"

# What a signed-in user may see or change; admins get everything through admin_all.
USER_POLICIES = rf"""
create policy users_select on app.users for select to ok_user using (
    id = {ME}
    or id in (select e.user_id from app.enrollments as e where e.course_id = any ({STAFF}))
);

create policy courses_select on app.courses for select to ok_anon, ok_user using (true);
create policy courses_update on app.courses for update to ok_user
using (id = any ({INSTRUCTOR})) with check (id = any ({INSTRUCTOR}));

create policy enrollments_select on app.enrollments for select to ok_user
using (user_id = {ME} or course_id = any ({STAFF}));
create policy enrollments_write on app.enrollments for all to ok_user
using (course_id = any ({INSTRUCTOR})) with check (course_id = any ({INSTRUCTOR}));

create policy assignments_select on app.assignments for select to ok_anon, ok_user
using (visible or course_id = any ({STAFF}));
create policy assignments_write on app.assignments for all to ok_user
using (course_id = any ({TA_UP})) with check (course_id = any ({TA_UP}));

create policy backups_select on app.backups for select to ok_user
using (submitter_id = {ME} or course_id = any ({STAFF}));
create policy backups_insert on app.backups for insert to ok_user with check (
    (submitter_id = {ME} and creator_id is null)
    or (creator_id = {ME} and course_id = any ({STAFF}))
);
create policy backups_update on app.backups for update to ok_user
using (course_id = any ({STAFF})) with check (course_id = any ({STAFF}));

create policy messages_select on app.messages for select to ok_user
using (exists (select 1 from app.backups as b where b.id = backup_id));
create policy messages_insert on app.messages for insert to ok_user
with check (exists (select 1 from app.backups as b where b.id = backup_id));

create policy groups_select on app.groups for select to ok_user using (
    course_id = any ({STAFF})
    or id in (select gm.group_id from app.group_members as gm where gm.user_id = {ME})
);
create policy group_members_select on app.group_members for select to ok_user using (
    user_id = {ME}
    or assignment_id in (select a.id from app.assignments as a where a.course_id = any ({STAFF}))
);
create policy group_actions_select on app.group_actions for select to ok_user
using (course_id = any ({STAFF}) or actor_id = {ME} or target_id = {ME});

create policy extensions_select on app.extensions for select to ok_user
using (user_id = {ME} or course_id = any ({STAFF}));
create policy extensions_write on app.extensions for all to ok_user
using (course_id = any ({TA_UP})) with check (course_id = any ({TA_UP}));

create policy extension_requests_select on app.extension_requests for select to ok_user
using (user_id = {ME} or course_id = any ({STAFF}));
create policy extension_requests_insert on app.extension_requests for insert to ok_user
with check (user_id = {ME} and status = 'pending' and course_id = any ({ANY_ROLE}));
create policy extension_requests_decide on app.extension_requests for update to ok_user
using (course_id = any ({TA_UP})) with check (course_id = any ({TA_UP}));

create policy scores_select on app.scores for select to ok_user using (
    course_id = any ({STAFF})
    or (
        user_id = {ME} and not archived
        and kind = any (
            (select a.published_score_kinds from app.assignments as a where a.id = assignment_id)::text []
        )
    )
);
create policy scores_write on app.scores for all to ok_user
using (course_id = any ({STAFF})) with check (course_id = any ({STAFF}) and grader_id = {ME});

create policy comments_select on app.comments for select to ok_user
using (course_id = any ({STAFF}) or exists (select 1 from app.backups as b where b.id = backup_id));
create policy comments_insert on app.comments for insert to ok_user with check (
    author_id = {ME}
    and (course_id = any ({STAFF}) or exists (select 1 from app.backups as b where b.id = backup_id))
);
create policy comments_update on app.comments for update to ok_user
using (author_id = {ME}) with check (author_id = {ME});
create policy comments_delete on app.comments for delete to ok_user using (author_id = {ME});

create policy grading_tasks_staff on app.grading_tasks for all to ok_user
using (course_id = any ({STAFF})) with check (course_id = any ({STAFF}));

create policy client_versions_select on app.client_versions for select to ok_anon, ok_user
using (true);

create policy jobs_select on app.jobs for select to ok_user
using (user_id = {ME} or course_id = any ({STAFF}));
create policy jobs_worker on app.jobs for all to ok_worker using (true) with check (true);
create policy email_outbox_worker on app.email_outbox for all to ok_worker
using (true) with check (true);

create policy audit_log_select on app.audit_log for select to ok_user
using (course_id = any ({INSTRUCTOR}));

create policy oauth_tokens_select on auth.oauth_tokens for select to ok_user using (user_id = {ME});
create policy oauth_tokens_revoke on auth.oauth_tokens for update to ok_user
using (user_id = {ME}) with check (user_id = {ME});
create policy oauth_grants_select on auth.oauth_grants for select to ok_user using (user_id = {ME});
"""

GRANTS = r"""
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
"""


def upgrade() -> None:
    statements = []
    for table in ALL_TABLES:
        name = table.split(".")[1]
        statements.append(
            f"alter table {table} enable row level security;\n"
            f"alter table {table} force row level security;\n"
            f"create policy {name}_owner_all on {table} for all to ok_owner "
            f"using (true) with check (true);\n"
        )
        if table != "app.audit_log":
            statements.append(
                f"create policy {name}_admin_all on {table} for all to ok_admin "
                f"using (true) with check (true);\n"
            )
        else:
            statements.append(
                f"create policy {name}_admin_select on {table} for select to ok_admin using (true);\n"
            )
    for name in ANALYTICS_SOURCES:
        statements.append(
            f"create policy {name}_analytics_read on app.{name} for select "
            f"to ok_analytics_owner using (true);\n"
            f"grant select on app.{name} to ok_analytics_owner;\n"
        )
    execute("".join(statements) + USER_POLICIES + GRANTS)


def downgrade() -> None:
    statements = []
    for table in ALL_TABLES:
        statements.append(
            f"do $$ declare p record; begin for p in select policyname from pg_policies "
            f"where schemaname || '.' || tablename = '{table}' loop "
            f"execute format('drop policy %I on {table}', p.policyname); end loop; end $$;\n"
            f"alter table {table} no force row level security;\n"
            f"alter table {table} disable row level security;\n"
        )
    statements.append(
        "revoke all on all tables in schema app from ok_anon, ok_user, ok_admin, ok_worker;\n"
        "revoke all on all tables in schema auth from ok_anon, ok_user, ok_admin, ok_worker;\n"
    )
    execute("".join(statements))
