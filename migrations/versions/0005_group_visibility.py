"""Group-mates see each other's backups and names; scores are archived by any staff member.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

- backups_select: also the backups of the caller's current group-mates (auth.group_mates()).
- users_select: auth.visible_user_ids(): self, group-mates, staff of one's courses, and
  everyone in courses one teaches.
- scores: inserting needs grader_id = the caller; archiving (update) any score of the course
  is open to its staff, so a new grader can supersede another's score.
"""

from migrations.sqlexec import execute

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ME = "(select auth.user_id())"
STAFF = "(select auth.course_ids('reader', 'ta', 'instructor'))::bigint []"


def upgrade() -> None:
    execute(
        f"""
        drop policy backups_select on app.backups;
        create policy backups_select on app.backups for select to ok_user using (
            submitter_id = {ME}
            or course_id = any ({STAFF})
            or (assignment_id, submitter_id) in (select g.assignment_id, g.user_id from auth.group_mates() as g)
        );
        drop policy users_select on app.users;
        create policy users_select on app.users for select to ok_user
        using (id in (select auth.visible_user_ids()));
        drop policy scores_write on app.scores;
        create policy scores_insert on app.scores for insert to ok_user
        with check (course_id = any ({STAFF}) and grader_id = {ME});
        create policy scores_update on app.scores for update to ok_user
        using (course_id = any ({STAFF})) with check (course_id = any ({STAFF}));
        create policy scores_delete on app.scores for delete to ok_user
        using (course_id = any ({STAFF}) and grader_id = {ME});
        """
    )


def downgrade() -> None:
    execute(
        f"""
        drop policy scores_delete on app.scores;
        drop policy scores_update on app.scores;
        drop policy scores_insert on app.scores;
        create policy scores_write on app.scores for all to ok_user
        using (course_id = any ({STAFF})) with check (course_id = any ({STAFF}) and grader_id = {ME});
        drop policy users_select on app.users;
        create policy users_select on app.users for select to ok_user using (
            id = {ME}
            or id in (select e.user_id from app.enrollments as e where e.course_id = any ({STAFF}))
        );
        drop policy backups_select on app.backups;
        create policy backups_select on app.backups for select to ok_user
        using (submitter_id = {ME} or course_id = any ({STAFF}));
        """
    )
