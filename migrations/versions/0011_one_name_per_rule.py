"""One name per rule: the final submission of a unit is app.final_submissions, for one student
or for every unit; the two near-identical helpers beside it are gone (issue 8).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
