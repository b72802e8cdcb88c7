"""Course rules: who flagged and when, a secret salt for pseudonymous analytics keys,
audit triggers on everything that decides a grade, grading tasks completed by scores, and
group-mates' published scores.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
