"""Email notifications: rendered from templates, per-user kinds turned off, a course switch, reminders and digests.

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-28 20:00:28.290183
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
