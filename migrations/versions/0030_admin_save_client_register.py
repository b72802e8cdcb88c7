"""Registering an OAuth client cannot overwrite one: api.admin_save_client takes register (a new signature).

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-28 19:36:12.822682
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

# The SQL is in the .upgrade.sql and .downgrade.sql files beside this one (alembic.ini's
# post-write hook migrations/newrevision.py creates them); this file only runs them.
SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
