"""Publishing a score kind is an api call (api.publish_scores): the api role may change which
kinds of an assignment's scores its students see, and nothing else of it beyond what it could.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-28
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
