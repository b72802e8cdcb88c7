"""Who counts as staff, said once: the policies read auth.staff_course_ids() instead of naming
the staff roles themselves.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-28
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
