"""Staff upload files as a backup or submission of a student: the backup records who made it
(creator_id).

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-28 11:44:41.242848
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
