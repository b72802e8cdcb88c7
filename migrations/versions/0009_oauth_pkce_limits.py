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

from migrations.sqlexec import execute

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        alter table auth.oauth_grants
            add column code_challenge text,
            add column code_challenge_method text,
            add constraint oauth_grants_pkce check (
                (code_challenge is null and code_challenge_method is null)
                or (code_challenge_method = 'S256' and code_challenge ~ '^[A-Za-z0-9_-]{43}$')
            );
        comment on column auth.oauth_grants.code_challenge is
        'RFC 7636 PKCE: BASE64URL(SHA256(code_verifier)) sent with the authorization request, or null.';

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

        alter table auth.oauth_grants
            drop constraint oauth_grants_pkce,
            drop column code_challenge_method,
            drop column code_challenge;
        """
    )
