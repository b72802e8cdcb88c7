"""Highlighted files: the worker highlights the code of queued submissions ahead of grading;
the grading view reads the lines instead of highlighting again.

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-28 11:51:39.608891
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
