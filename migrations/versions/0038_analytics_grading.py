"""The analytics views may read the ok-client's grading messages (only those), for per-question figures.

Revision ID: 0038
Revises: 0037
Create Date: 2026-11-29 03:59:19.274667
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
