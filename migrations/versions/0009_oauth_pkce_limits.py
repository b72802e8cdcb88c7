"""OAuth PKCE and input limits (issue 7, points 5 and 7)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

- auth.oauth_grants keeps the PKCE challenge an authorization request carried (RFC 7636):
  S256 only ("plain" would let whoever saw the authorization request redeem the code), so
  the method is 'S256' and the challenge a base64url SHA-256 (43 characters), or both null.
  api.oauth_authorize requires one from public clients; api.oauth_exchange_code checks the
  verifier whenever a challenge was stored.
- app.scores.value must be a finite number a double can hold exactly in its integer part:
  between -1e15 and 1e15. The old scores_value_finite refused only NaN, so 'Infinity' and
  1e1000 were stored (and reached JSON, CSV and every float-based reader as inf). If existing
  rows break the new rule the upgrade stops here, naming the constraint: such scores must be
  corrected by hand (a grade is never changed silently).
"""

from pathlib import Path

from migrations.sqlexec import execute_file

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SQL = Path(__file__)


def upgrade() -> None:
    execute_file(SQL.with_suffix(".upgrade.sql"))


def downgrade() -> None:
    execute_file(SQL.with_suffix(".downgrade.sql"))
