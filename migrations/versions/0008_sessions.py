"""Revocable browser sessions and sudo audited as the real actor (issue 7, points 4 and 6)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

- auth.sessions: one row per browser session (api.login) and per impersonation session
  (api.sudo: sudo_by = the admin, parent_id = the admin's own session). Its jti is in the
  session's claims; auth.check_request() refuses a jti that is unknown, revoked or expired,
  and re-derives the admin flag from app.users on every request.
- app.audit_log.real_actor_id: the admin who really acted while acting as actor_id.

The downgrade puts back the 0007 bodies of auth.check_request() and app.tg__audit(),
which at head read what this revision adds, and drops the helpers that name the table.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
