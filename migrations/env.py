"""Alembic environment: one transaction for bootstrap, revisions and replaceables."""

from alembic import context
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool

from migrations import replaceables
from web.settings import database_url

config = context.config


def run_migrations_online() -> None:
    url = config.attributes.get("database_url") or database_url()
    # SQLAlchemy 2.1 maps postgresql:// to psycopg 3; we use psycopg2.
    url = url.replace("postgresql://", "postgresql+psycopg2://", 1).replace(
        "postgres://", "postgresql+psycopg2://", 1
    )
    engine = create_engine(url, poolclass=pool.NullPool)
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=None,
            version_table_schema="alembic",
            transaction_per_migration=False,
        )
        with context.begin_transaction():
            raw = connection.connection.driver_connection
            with raw.cursor() as cur:
                replaceables.bootstrap(cur)
                replaceables.before_migrations(cur)
            context.run_migrations()
            with raw.cursor() as cur:
                cur.execute("select version_num from alembic.alembic_version")
                row = cur.fetchone()
                # api and analytics are written against the newest tables only.
                if row is not None and row[0] == head:
                    replaceables.after_migrations(cur)
                cur.execute("reset role")


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) mode is not supported: sql/ files are applied online.")
run_migrations_online()
