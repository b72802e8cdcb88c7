"""Least privilege: request roles reach only api; ok_api runs the api functions that need
internal helpers; no role of ours creates temporary objects; writes name their columns.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

- TEMP on the database is revoked from PUBLIC and from the owners (sql/02_schemas.sql
  repeats it on every upgrade): a pg_temp type, domain or table could otherwise shadow
  pg_catalog's in any function that searches pg_temp first.
- ok_api (sql/01_roles.sql) is a member of ok_anon, ok_user and ok_admin and runs the api
  functions that call app.* helpers. So that its membership in ok_admin grants nothing by
  itself, every admin policy checks the claims (auth.is_admin()) instead of trusting the role.
- Request roles (ok_anon, ok_user, ok_admin, ok_worker) keep SELECT (the api views run as
  the caller) but lose INSERT, UPDATE and DELETE on every table. Writes go through api
  functions: ok_api holds column-named INSERT and UPDATE grants for exactly what they write;
  ok_worker the outbox columns it updates.
- A backup's assignment, course, submitter and creation time never change (trigger, for
  every role, the owner included); messages are added only to a backup created in the same
  transaction by the caller (policy), so nobody appends files to an existing backup.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
