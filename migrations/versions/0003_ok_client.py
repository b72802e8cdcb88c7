"""The ok-client OAuth client, active, with the public secret that okpy ships.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

ok-client 1.18.1 sends client_id=ok-client and the secret hard-coded in
client/utils/auth.py. It is public by design, but we still store only its hash.
"""

from migrations.sqlexec import execute

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        insert into auth.oauth_clients
            (client_id, name, description, secret_hash, is_confidential, redirect_uris,
             default_scopes, active)
        values (
            'ok-client', 'OK Client', 'The ok command-line client (PyPI okpy)',
            encode(extensions.digest('EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', 'sha256'), 'hex'),
            true, array['urn:ietf:wg:oauth:2.0:oob'], array['all', 'email'], true
        )
        on conflict (client_id) do nothing;
        """
    )


def downgrade() -> None:
    execute("delete from auth.oauth_clients where client_id = 'ok-client';")
