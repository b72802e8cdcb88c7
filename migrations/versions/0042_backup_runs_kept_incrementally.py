"""analytics.backup_runs is kept incrementally in app.backup_facts instead of recomputed at every refresh.

Revision ID: 0042
Revises: 0041
Create Date: 2026-11-29 09:27:16.067767
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0042"
down_revision = "0041"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
