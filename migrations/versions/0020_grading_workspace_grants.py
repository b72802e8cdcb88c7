"""The grading workspace's grants: graders move tasks (update of grading_tasks.grader_id) and
authors edit comments (update of comments.message); comments are audited.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-28 04:42:03.851735
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
