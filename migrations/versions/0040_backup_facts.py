"""What each backup says for analytics (lines of code, tests run, ok-client analytics), computed once per backup.

Revision ID: 0040
Revises: 0039
Create Date: 2026-11-29 06:05:26.862798
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
