"""Rubrics per assignment and kind of score: items with points and descriptions, bounds, the
items applied to each score, and the rubric that computed a score.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-28 11:19:16.391320
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
