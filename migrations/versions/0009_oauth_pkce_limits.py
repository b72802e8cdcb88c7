"""OAuth PKCE and input limits (issue 7, points 5 and 7)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

- app.scores.value must be a finite number a double can hold exactly in its integer part:
  between -1e15 and 1e15. The old scores_value_finite refused only NaN, so 'Infinity' and
  1e1000 were stored (and reached JSON, CSV and every float-based reader as inf). If existing
  rows break the new rule the upgrade stops here, naming the constraint: such scores must be
  corrected by hand (a grade is never changed silently).
"""

from migrations.sqlexec import execute

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        alter table app.scores drop constraint scores_value_finite;
        alter table app.scores add constraint scores_value_finite check (value between -1e15 and 1e15);
        comment on constraint scores_value_finite on app.scores is
        'Scores are finite: not NaN, not +/-Infinity, and within +/-1e15 (so every reader, float-based or not, '
        'reads the same number).';
        """
    )


def downgrade() -> None:
    execute(
        """
        alter table app.scores drop constraint scores_value_finite;
        alter table app.scores add constraint scores_value_finite check (value not in ('NaN'::numeric));
        """
    )
