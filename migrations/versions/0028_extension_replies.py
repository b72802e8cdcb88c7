"""Extension requests get the staff's reply (why one was denied, or what a grant says), which
the student sees on their assignment page.

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-28 15:31:54.584540
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
