"""OAuth PKCE and input limits (issue 7, points 5 and 7)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from migrations.sqlexec import execute

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute("select 1")


def downgrade() -> None:
    execute("select 1")
