"""Per-user intake allowance: one client in a retry loop cannot starve the others (429).

Revision ID: 0037
Revises: 0036
Create Date: 2026-11-29 03:01:28.814521
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
