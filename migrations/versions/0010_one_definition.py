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

from migrations.sqlexec import execute

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        drop function if exists app.final_submissions(bigint);
        drop function if exists app.extension_for(bigint, bigint, timestamptz);
        """
    )


def downgrade() -> None:
    execute(
        """
        drop function if exists app.final_submissions(bigint, bigint);
        drop function if exists app.unit_dates(bigint, bigint[]);
        drop function if exists app.assignment_units(bigint, bigint);
        drop function if exists app.submission_time(timestamptz, timestamptz, timestamptz, timestamptz);
        drop function if exists app.late_by(timestamptz, timestamptz);
        drop function if exists app.grade_cells(bigint);
        drop function if exists app.grade_columns(bigint);
        drop view if exists app.current_groups;
        """
    )
