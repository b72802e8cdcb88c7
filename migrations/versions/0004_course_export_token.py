"""Per-course export token for unattended scripts (/api/v3/course/<offering>/export/...).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

Stored as a SHA-256 hash, like every other token; instructors rotate it.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
