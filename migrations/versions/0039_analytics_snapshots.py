"""Analytics snapshots refreshed on a schedule, a minimum cell size; the deadline board (intake announced, queue time).

Revision ID: 0039
Revises: 0038
Create Date: 2026-11-29 05:11:06.523602
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
