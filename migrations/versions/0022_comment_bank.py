"""A comment bank per assignment: staff save a comment for reuse, insert it with one click,
and see how often each was used.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-28 05:27:00.501773
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
