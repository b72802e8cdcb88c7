"""Per-course export token for unattended scripts (/api/v3/course/<offering>/export/...).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

Stored as a SHA-256 hash, like every other token; instructors rotate it.
"""

from migrations.sqlexec import execute

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute(
        """
        alter table app.courses
            add column export_token_hash text,
            add column export_token_active boolean not null default false,
            add constraint courses_export_token_hash_key unique (export_token_hash);
        """
    )


def downgrade() -> None:
    execute(
        """
        alter table app.courses
            drop column export_token_active,
            drop column export_token_hash;
        """
    )
