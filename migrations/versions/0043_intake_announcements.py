"""The live board's intake announcements: at most one NOTIFY per course per second (app.intake_announcements).

Revision ID: 0043
Revises: 0042
Create Date: 2026-11-29 10:27:38.926569
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0043"
down_revision = "0042"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
