"""The documentation site is served at /docs/: "docs" cannot begin an offering.

Revision ID: 0041
Revises: 0040
Create Date: 2026-11-29 07:31:50.496216
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
