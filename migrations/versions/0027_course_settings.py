"""Running a course from the web: course settings (a term label, defaults for new
assignments), assignment templates and copies, and unenrolling.

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-28 15:19:02.598729
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
