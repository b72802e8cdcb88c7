"""A job queue on app.jobs: leases, retries with backoff, cancelling, result files, a schedule.

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-28 19:42:09.430397
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
