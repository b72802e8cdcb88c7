"""One name per rule: the final submission of a unit is app.final_submissions, for one student
or for every unit; the two near-identical helpers beside it are gone (issue 8).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from migrations.sqlexec import execute

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        drop function if exists app.final_submission_id(bigint, bigint);
        drop function if exists app.final_submission_ids(bigint);
        """
    )


def downgrade() -> None:
    execute(
        """
        drop function if exists auth.is_staff_of(bigint);
        """
    )
