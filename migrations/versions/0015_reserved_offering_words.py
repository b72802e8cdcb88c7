"""A course offering may not start with a word the site's own paths use: staff, settings, rpc and
unsudo join the reserved words, so that a course's pages can never be shadowed by the site's.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
