"""Regrade requests: a student asks for a regrade of a published score with a reason; staff
resolve it with a reply or a new score; every step audited.

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-28 11:28:59.017206
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
