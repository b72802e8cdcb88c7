"""Group memberships by user: auth.group_mates() (behind the RLS of backups, users and scores)
and app.current_groups look up a student's active memberships by user, whatever the course's size.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
