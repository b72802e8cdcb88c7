"""Scores mail waits for a hidden assignment to be shown (the trigger also fires on visible).

Revision ID: 0034
Revises: 0033
Create Date: 2026-11-29 01:57:35.423232
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
