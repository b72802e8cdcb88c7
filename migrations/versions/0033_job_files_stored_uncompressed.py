"""Export files are stored without TOAST compression (a zip does not compress again; trying costs time).

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-28 20:30:12.140009
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
