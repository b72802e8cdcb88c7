"""One definition per rule: units, effective dates and lateness (issue 8).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

The replaceable functions that change signature are dropped here and recreated from sql/
after the revisions (docs/migrations.md, rule 4):

- app.final_submissions(bigint) becomes app.final_submissions(bigint, bigint default null):
  the same rule for one student's unit (their page) or every unit.
- app.extension_for(bigint, bigint, timestamptz) is gone: the effective dates of a unit are
  app.unit_dates, which every caller reads.
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
