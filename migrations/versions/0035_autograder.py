"""The autograder: scoped course tokens, the tasks sent to it and their supervision, continuous grading.

Revision ID: 0035
Revises: 0034
Create Date: 2026-11-29 02:03:39.248315
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
