"""Unit summaries: each submitter's own backup that counts per assignment (app.submitter_finals),
kept by triggers on app.backups, so that a unit's final submission and who submitted are read
from it instead of from the assignment's backups.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28 02:01:01.021493
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
