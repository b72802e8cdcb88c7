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
                replaceables.run(cur, replaceables.before_steps())
            context.run_migrations()
            with raw.cursor() as cur:
                cur.execute("select version_num from alembic.alembic_version")
                row = cur.fetchone()
                # api and analytics are written against the newest tables only.
                if row is not None and row[0] == head:
                    replaceables.run(cur, replaceables.after_steps())
                cur.execute("reset role")


def run_migrations_offline() -> None:
    """`alembic upgrade head --sql`: the same steps as online, printed as one script for
    `psql -v ON_ERROR_STOP=1 -f` (alembic writes the BEGIN and COMMIT around it).

    `-x bootstrap=no` leaves out sql/00..02 (for a DBA who ran them once as a superuser).
    The replaceables (sql/views, sql/functions, 99_grants) follow only when the script
    ends at head, as online.
    """
    context.configure(
        dialect_name="postgresql",
        target_metadata=None,
        version_table_schema="alembic",
        transaction_per_migration=False,
    )
    destination = context.get_revision_argument()
    at_head = destination in ("head", "heads", ScriptDirectory.from_config(config).get_current_head())
    bootstrap = context.get_x_argument(as_dictionary=True).get("bootstrap", "yes") != "no"
    emit = context.get_context().impl.static_output
    with context.begin_transaction():
        emit(
            "-- OK v3 migration script, printed by alembic --sql from migrations/ and sql/.\n"
            "-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file> (as a superuser when it\n"
            "-- includes the bootstrap files sql/00..02); one transaction, all or nothing."
        )
        if bootstrap:
            emit(replaceables.render(replaceables.bootstrap_steps()))
        emit(replaceables.render(replaceables.before_steps()))
        context.run_migrations()
        if at_head:
            emit(replaceables.render(replaceables.after_steps()))
        emit("reset role;")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
