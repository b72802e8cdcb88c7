"""Line comments belong to a kind of grading (composition by default); students see staff
comments only once that kind is published for the assignment.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-28 05:07:41.311289
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
