"""Work an autograde job had not sent is given up when the job fails or is cancelled for good.

Revision ID: 0036
Revises: 0035
Create Date: 2026-11-29 02:45:51.213898
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
