"""Row-level security: enabled and forced on every table, policies, table grants.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Model (docs/security.md):
- ok_owner owns everything and is NOBYPASSRLS; since RLS is forced it sees rows only
  through its own "owner_all" policy, which exists so that reviewed security-definer
  functions (owned by ok_owner) act as the system.
- ok_admin (site administrators) sees and changes everything through "admin_all".
- ok_user policies read the caller's course roles from enrollments through
  (select auth.course_ids(...)), evaluated once per statement.
- ok_anon reads only public rows: courses, visible assignments, client versions.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
