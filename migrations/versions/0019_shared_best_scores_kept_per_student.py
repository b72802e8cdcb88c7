"""Each student's group-shared best scores, kept per course in app.shared_best_scores by statement
triggers on scores and group memberships, for the gradebook and the grades CSV.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-28 04:14:02.394050
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
