"""The gradebook filters by section: api.gradebook takes a section (a new signature).

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-28 16:36:32.814667
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
