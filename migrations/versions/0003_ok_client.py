"""The ok-client OAuth client, active, with the public secret that okpy ships.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

ok-client 1.18.1 sends client_id=ok-client and the secret hard-coded in
client/utils/auth.py. It is public by design, but we still store only its hash.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
