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

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
