"""The OK v3 data model: every table, constraint and index.

Revision ID: 0001
Revises:
Create Date: 2026-11-27

Row-level security and grants come in 0002; the ok-client OAuth client in 0003.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
